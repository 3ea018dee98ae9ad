// Reads the JSON reports of vitest and Playwright into one count and one list of failures.
import { readFileSync } from 'node:fs';
import { fromRoot } from './paths.mjs';

/** First lines of a failure message, without colour codes: enough to tell which check broke. */
function firstLines(message = '') {
  // eslint-disable-next-line no-control-regex
  return String(message).replace(/\u001b\[[0-9;]*m/g, '').split('\n').slice(0, 6).join('\n      ');
}

/** Counts from both runners' JSON reports; a missing report counts as a failure of that runner. */
export function summarize(vitestJson, playwrightJson) {
  const total = { passed: 0, failed: 0, skipped: 0, failures: [] };
  try {
    const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
    total.passed += v.numPassedTests;
    total.failed += v.numFailedTests;
    total.skipped += v.numPendingTests + v.numTodoTests;
    for (const file of v.testResults) {
      const where = file.name.replace(fromRoot(), '.');
      const failed = file.assertionResults.filter((t) => t.status === 'failed');
      for (const t of failed) total.failures.push(`${where} › ${t.fullName}\n      ${firstLines(t.failureMessages?.join('\n'))}`);
      // A file can fail without a failed test (an error in a hook or while loading it).
      if (file.status === 'failed' && failed.length === 0) total.failures.push(`${where}\n      ${firstLines(file.message)}`);
    }
  } catch {
    total.failed += 1;
    total.failures.push('vitest skrev ingen rapport');
  }
  try {
    const report = JSON.parse(readFileSync(playwrightJson, 'utf8'));
    const p = report.stats;
    total.passed += p.expected + p.flaky;
    total.failed += p.unexpected;
    total.skipped += p.skipped;
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests) {
          if (t.status !== 'unexpected') continue;
          const error = t.results.at(-1)?.error?.message;
          total.failures.push(`${spec.file}:${spec.line} › ${spec.title}\n      ${firstLines(error)}`);
        }
      }
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of report.suites ?? []) walk(suite);
  } catch {
    total.failed += 1;
    total.failures.push('Playwright skrev ingen rapport');
  }
  return total;
}
