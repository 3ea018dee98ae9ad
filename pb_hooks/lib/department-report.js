// The leaders' view of the department's month: a styrer sees each department of their kindergarten
// (dimension, how many of how many handed in, what was agreed); admin sees numbers per
// kindergarten and pulje. Never a story's text: those are for the author and the department's leaders.
const { requireUser } = require(`${__hooks}/lib/http.js`);
const departments = require(`${__hooks}/lib/departments.js`);
const calendar = require(`${__hooks}/lib/calendar.js`);

function rowOf(app, avdeling, month) {
  return {
    id: avdeling.id,
    name: avdeling.getString('name'),
    ageGroup: avdeling.getString('ageGroup'),
    leaders: avdeling.getStringSlice('leaders'),
    ...departments.monthSummary(app, avdeling, month),
  };
}

/** GET /api/tettpa/reports/avdelinger?month=YYYY-MM */
function report(e) {
  const user = requireUser(e);
  const month = e.request.url.query().get('month') || calendar.osloDay(Date.now()).slice(0, 7);
  if (!calendar.isMonth(month)) throw new BadRequestError('Måneden må skrives som ÅÅÅÅ-MM, for eksempel 2026-11.');
  const role = user.getString('role');
  if (role === 'styrer' && user.getString('barnehage')) {
    const list = e.app.findRecordsByFilter('avdelinger', 'barnehage = {:b}', 'name', 0, 0, { b: user.getString('barnehage') });
    return e.json(200, { month, avdelinger: list.map((a) => rowOf(e.app, a, month)) });
  }
  if (role !== 'admin') throw new ForbiddenError('Bare styrere og Kompetanseteam barnehage kan se oversikten over avdelingenes måned.');

  const byBarnehage = {};
  for (const b of e.app.findRecordsByFilter('barnehager', 'id != ""', 'name', 0, 0)) {
    byBarnehage[b.id] = { id: b.id, name: b.getString('name'), pulje: b.getInt('pulje'), avdelinger: 0, members: 0, submitted: 0, agreed: 0 };
  }
  for (const a of e.app.findRecordsByFilter('avdelinger', 'id != ""', '', 0, 0)) {
    const row = byBarnehage[a.getString('barnehage')];
    if (!row) continue;
    const s = departments.monthSummary(e.app, a, month);
    row.avdelinger += 1;
    row.members += s.members;
    row.submitted += s.submitted;
    if (s.agreed) row.agreed += 1;
  }
  const barnehager = Object.keys(byBarnehage).map((k) => byBarnehage[k]).filter((b) => b.avdelinger > 0);
  const puljer = {};
  for (const b of barnehager) {
    const p = (puljer[b.pulje] = puljer[b.pulje] || { pulje: b.pulje, barnehager: 0, avdelinger: 0, members: 0, submitted: 0, agreed: 0 });
    p.barnehager += 1;
    p.avdelinger += b.avdelinger;
    p.members += b.members;
    p.submitted += b.submitted;
    p.agreed += b.agreed;
  }
  return e.json(200, { month, barnehager, puljer: Object.keys(puljer).map((k) => puljer[k]).sort((x, y) => x.pulje - y.pulje) });
}

module.exports = { report };
