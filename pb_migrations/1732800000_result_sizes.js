/// <reference path="../pb_data/types.d.ts" />
// Feedback stores each master code's justification beside the score, so the size of a stored
// result follows from the bounds of master_codes: a justification is at most 4,000 characters
// (at most 16,000 bytes in UTF-8), a cycle has at most 10 dimensions, a check has 5 cycles. The
// first limits (40,000 and 20,000 bytes) were below that, and real cycles with long
// justifications already broke a check's fifth submission.
const PER_DIMENSION = 4000 * 4 + 500; // the justification, and room for the score fields
const PER_CYCLE = 10 * PER_DIMENSION; // 165,000 bytes
const PER_CHECK = 5 * PER_CYCLE + 20000; // the cycles, and the summary beside them

function setMaxSize(app, collectionName, fieldName, maxSize) {
  const collection = app.findCollectionByNameOrId(collectionName);
  collection.fields.getByName(fieldName).maxSize = maxSize;
  app.save(collection);
}

migrate(
  (app) => {
    setMaxSize(app, 'attempts', 'results', PER_CYCLE);
    setMaxSize(app, 'reliability_checks', 'result', PER_CHECK);
  },
  (app) => {
    setMaxSize(app, 'attempts', 'results', 40000);
    setMaxSize(app, 'reliability_checks', 'result', 20000);
  },
);
