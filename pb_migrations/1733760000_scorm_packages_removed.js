/// <reference path="../pb_data/types.d.ts" />
// A removed SCORM package is marked, not deleted: the learners' progress on it stays, and Min side
// and the leaders' reports can still name the course it came from ("fjernet").
migrate(
  (app) => {
    const packages = app.findCollectionByNameOrId('scorm_packages');
    packages.fields.add(new DateField({ name: 'removed' }));
    app.save(packages);
  },
  (app) => {
    const packages = app.findCollectionByNameOrId('scorm_packages');
    packages.fields.removeByName('removed');
    app.save(packages);
  },
);
