// Months, meeting days and working days, in Norwegian time (the hooks run in UTC).
const MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const DATE_PATTERN = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const MONTH_NAMES = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

function isMonth(value) {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

function isDate(value) {
  return typeof value === 'string' && DATE_PATTERN.test(value) && !isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The last Sunday of a month (UTC date), where Europe's summer time starts and ends. */
function lastSunday(year, monthIndex) {
  const d = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.getTime();
}

/** Offset of Norwegian time from UTC in ms at an instant: +2 h in summer time, +1 h otherwise. */
function osloOffset(ms) {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSunday(year, 2) && ms < lastSunday(year, 9) ? 2 * 3600000 : 3600000;
}

/** The calendar day ('YYYY-MM-DD') in Norway at an instant (ms since epoch). */
function osloDay(ms) {
  return new Date(ms + osloOffset(ms)).toISOString().slice(0, 10);
}

/** The instant a PocketBase date string ('2026-12-03 12:00:00.000Z') stands for, or null. */
function instantOf(dateString) {
  if (!dateString) return null;
  const ms = Date.parse(String(dateString).replace(' ', 'T'));
  return isNaN(ms) ? null : ms;
}

/** «3. desember 2026» */
function formatDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return `${d}. ${MONTH_NAMES[m - 1]} ${y}`;
}

/** «3. desember 2026 kl. 12.00», in Norwegian time. */
function formatInstant(ms) {
  const local = new Date(ms + osloOffset(ms)).toISOString();
  return `${formatDay(local.slice(0, 10))} kl. ${local.slice(11, 13)}.${local.slice(14, 16)}`;
}

/** The day `count` working days (Monday–Friday) before `day`. Public holidays are not counted out. */
function workingDaysBefore(day, count) {
  const d = new Date(`${day}T12:00:00Z`);
  let left = count;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM' plus `n` months. */
function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

module.exports = { isMonth, isDate, osloDay, instantOf, formatDay, formatInstant, workingDaysBefore, addMonths, MONTH_NAMES };
