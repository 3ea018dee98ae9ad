// The department's month, day by day: a reminder three working days before a meeting to members
// who have not handed in, and the deletion of stories whose retention has passed (data
// minimisation). Both take the day as an argument, so a test runs them for any date.
const departments = require(`${__hooks}/lib/departments.js`);
const calendar = require(`${__hooks}/lib/calendar.js`);

const REMINDER_WORKING_DAYS = 3;

/** How many months after its month a story is kept (TETTPA_STORY_RETENTION_MONTHS, default 12). */
function retentionMonths() {
  const raw = $os.getenv('TETTPA_STORY_RETENTION_MONTHS');
  const value = raw === '' ? NaN : Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : 12;
}

/**
 * Deletes every story whose month ended more than the retention period before `day`: a story of
 * 2026-11 is kept through 2027-11 with 12 months and is gone from 2027-12-01.
 */
function deleteExpiredStories(app, day) {
  const lastKept = calendar.addMonths(day.slice(0, 7), -retentionMonths());
  const expired = app.findRecordsByFilter('praksisfortellinger', 'month < {:m}', '', 0, 0, { m: lastKept });
  for (const story of expired) app.delete(story);
  return { deleted: expired.length, keptFrom: lastKept };
}

function send(app, to, subject, lines) {
  const meta = app.settings().meta;
  const html = lines.map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  const message = new MailerMessage({
    from: { address: meta.senderAddress, name: meta.senderName },
    to: [{ address: to.email(), name: to.getString('name') }],
    subject,
    html,
    text: lines.join('\n\n'),
  });
  app.newMailClient().send(message);
}

/** Sends each member who has not handed in one reminder, on or after the third working day before the meeting. */
function sendReminders(app, day) {
  const sent = [];
  const upcoming = app.findRecordsByFilter('avdeling_months', 'meetingDate != ""', '', 0, 0);
  const appUrl = app.settings().meta.appURL.replace(/\/$/, '');
  for (const record of upcoming) {
    const meeting = calendar.instantOf(record.getString('meetingDate'));
    if (meeting === null) continue;
    const meetingDay = calendar.osloDay(meeting);
    if (day >= meetingDay || day < calendar.workingDaysBefore(meetingDay, REMINDER_WORKING_DAYS)) continue;
    if (record.getString('remindedFor') === record.getString('meetingDate')) continue;
    const avdeling = departments.findAvdeling(app, record.getString('avdeling'));
    if (!avdeling) continue;
    const month = record.getString('month');
    const members = departments.membersOf(app, avdeling);
    const done = departments.submittedBy(app, avdeling, month, members);
    const dimension = departments.dimensionOf(avdeling, month, record);
    for (const member of members) {
      if (done.indexOf(member.id) >= 0 || !member.email()) continue;
      send(app, member, `Påminnelse: praksisfortelling til avdelingsmøtet ${calendar.formatDay(meetingDay)}`, [
        `Hei, ${member.getString('name') || 'du'}!`,
        `${avdeling.getString('name')} har avdelingsmøte ${calendar.formatInstant(meeting)}.` +
          (dimension ? ` Månedens dimensjon er ${departments.dimensionLabel(dimension)}.` : ''),
        `Vi ser at du ikke har levert praksisfortellingen din ennå. Du skriver den på Min side: ${appUrl}/min-side/`,
        'Hilsen Tett på læring',
      ]);
      sent.push(member.email());
    }
    record.set('remindedFor', record.getString('meetingDate'));
    app.save(record);
  }
  return { sent };
}

/** POST /api/tettpa/jobs/{job} {date}: runs a daily job for a given day (superusers only). */
function runJob(e) {
  const body = e.requestInfo().body || {};
  const day = body.date === undefined ? calendar.osloDay(Date.now()) : body.date;
  if (!calendar.isDate(day)) throw new BadRequestError('Datoen må skrives som ÅÅÅÅ-MM-DD.');
  const job = e.request.pathValue('job');
  if (job === 'reminders') return e.json(200, sendReminders(e.app, day));
  if (job === 'retention') return e.json(200, deleteExpiredStories(e.app, day));
  throw new NotFoundError('Ukjent jobb.');
}

module.exports = { retentionMonths, deleteExpiredStories, sendReminders, runJob };
