/// <reference path="../pb_data/types.d.ts" />
// The same guard as 1733300001_rules_need_a_login.js, over every collection of ours, and run last:
// later migrations added collections (avdelinger, praksisfortellinger, nettverk, …) and appended
// `|| …` clauses to guarded rules, and a visitor's empty auth id matches an empty relation
// (`avdeling.leaders.id ?= @request.auth.id` matched every story in a department without leaders).
// Rules that are "" (public on purpose, like vignettes) and null (superusers only) are left alone.
// A migration after this one that sets a rule must start it with LOGGED_IN itself.
const RULES = ['listRule', 'viewRule', 'updateRule', 'deleteRule'];
const LOGGED_IN = '@request.auth.id != "" && ';

/** True when the whole rule is `LOGGED_IN(…)`: the bracket opened after the guard closes at the very end. */
function guarded(value) {
  if (!value.startsWith(`${LOGGED_IN}(`) || !value.endsWith(')')) return false;
  let depth = 0;
  let quote = '';
  for (let i = LOGGED_IN.length; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i === value.length - 1;
  }
  return false;
}

migrate(
  (app) => {
    for (const collection of app.findAllCollections()) {
      if (collection.system) continue;
      let changed = false;
      for (const rule of RULES) {
        // A rule reaches JS as a Go *string: compare it as text, not by typeof.
        if (collection[rule] === null || collection[rule] === undefined) continue;
        const value = String(collection[rule]);
        if (value === '' || guarded(value)) continue;
        collection[rule] = `${LOGGED_IN}(${value})`;
        changed = true;
      }
      if (changed) app.save(collection);
    }
  },
  () => {
    // Going back would reopen the hole; the guard costs a logged-in user nothing.
  },
);
