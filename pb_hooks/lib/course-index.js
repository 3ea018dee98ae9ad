// The course catalogue as the built site publishes it (dist/kurs/index.json): names and the number
// of lessons per course. Reports work without it (ids only); progress is refused for lessons not in it.
function courseIndex() {
  try {
    const parsed = JSON.parse(toString($os.readFile(`${__hooks}/../dist/kurs/index.json`)));
    return parsed.courses || [];
  } catch (err) {
    return [];
  }
}

module.exports = { courseIndex };
