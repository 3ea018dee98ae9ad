/// <reference path="../pb_data/types.d.ts" />
// Practice pool and check pool (issue 11). A cycle in the check pool is never practice material,
// so its text is not on the site: it is stored here (with every cycle's), in a hidden field that
// no API user can read, list, filter or expand; only the check route hands it to a learner whose
// open check holds the cycle.
// formerSlugs records the names a vignette had, so that an old slug in a stored check still
// finds its record after a rename.
migrate(
  (app) => {
    const vignettes = app.findCollectionByNameOrId('vignettes');
    vignettes.fields.add(new SelectField({ name: 'pool', required: false, maxSelect: 1, values: ['practice', 'check'] }));
    vignettes.fields.add(new JSONField({ name: 'formerSlugs', maxSize: 4000, hidden: true }));
    // At most ~1,000 words of Norwegian prose: 20,000 characters leaves room.
    vignettes.fields.add(new TextField({ name: 'checkText', max: 20000, hidden: true }));
    app.save(vignettes);
  },
  (app) => {
    const vignettes = app.findCollectionByNameOrId('vignettes');
    for (const name of ['checkText', 'formerSlugs', 'pool']) vignettes.fields.removeByName(name);
    app.save(vignettes);
  },
);
