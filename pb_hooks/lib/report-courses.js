// The courses the leaders' reports count: ours (dist/kurs/index.json) and the uploaded SCORM packages
// as `pakke-<id>`, with their items as lessons. A removed package stays in the reports while someone
// has progress on it, its title marked, so that what the learners did is not lost from view.
const { courseIndex } = require(`${__hooks}/lib/course-index.js`);
const { itemSlug } = require(`${__hooks}/lib/item-slug.js`);

function reportCourses(app) {
  const courses = courseIndex().slice();
  let packages = [];
  try {
    packages = app.findRecordsByFilter('scorm_packages', "id != ''", 'title', 0, 0);
  } catch (err) {
    return courses;
  }
  for (const p of packages) {
    const course = `pakke-${p.id}`;
    const removed = !!p.getString('removed');
    // progress_totals, not progress: it has an index on course (see 1734000000_progress_at_national_scale.js).
    if (removed && app.findRecordsByFilter('progress_totals', 'course = {:c}', '', 1, 0, { c: course }).length === 0) continue;
    let scos = [];
    try {
      scos = JSON.parse(p.getString('scos'));
    } catch (err) {
      scos = [];
    }
    courses.push({
      id: course,
      title: removed ? `${p.getString('title')} (fjernet pakke)` : p.getString('title'),
      lessons: scos.map((s) => ({ id: itemSlug(s.identifier) })),
      external: true,
      removed,
    });
  }
  return courses;
}

module.exports = { reportCourses };
