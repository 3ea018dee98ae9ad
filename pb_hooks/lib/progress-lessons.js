// Which lesson a progress row is about: one that exists, and the same one for the row's whole life.
const { courseIndex } = require(`${__hooks}/lib/course-index.js`);
const { isKnownLesson } = require(`${__hooks}/lib/progress-rules.js`);

/**
 * The lessons of the imported SCORM package `<id>` (course `pakke-<id>`): its items' identifiers
 * made slug-safe, or null when there is no such package (a removed package takes no new progress).
 */
function packageLessons(packageId) {
  const { itemSlug } = require(`${__hooks}/lib/item-slug.js`);
  let record;
  try {
    record = $app.findRecordById('scorm_packages', packageId);
  } catch (err) {
    return null;
  }
  if (record.getString('removed')) return null;
  let scos;
  try {
    scos = JSON.parse(record.getString('scos'));
  } catch (err) {
    return null;
  }
  return Array.isArray(scos) ? scos.map((sco) => itemSlug(sco.identifier)) : null;
}

function refuseUnknownLesson(record) {
  const course = record.getString('course');
  const lesson = record.getString('lesson');
  if (!isKnownLesson(courseIndex(), course, lesson, packageLessons)) {
    throw new BadRequestError(`Fant ikke leksjonen «${lesson}» i kurset «${course}». Fremdrift lagres bare for leksjoner som finnes.`, {
      lesson: new ValidationError('validation_unknown_lesson', 'Leksjonen finnes ikke i kurset.'),
    });
  }
}

function refuseMove(record) {
  const original = record.original();
  for (const field of ['course', 'lesson']) {
    if (record.getString(field) !== original.getString(field)) {
      throw new BadRequestError('Kurs og leksjon kan ikke endres på en fremdrift som er lagret.', {
        [field]: new ValidationError('validation_immutable', 'Kan ikke endres etter at fremdriften er lagret.'),
      });
    }
  }
}

module.exports = { refuseUnknownLesson, refuseMove, packageLessons };
