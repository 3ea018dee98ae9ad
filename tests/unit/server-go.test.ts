// The Go packages of the server (server/staffimport, ...) have their own unit tests: `go test`
// runs them here so that `npm test` covers them. Same flags as the PocketBase build, so Go's
// build cache is shared and this takes seconds once PocketBase has been built.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { findGo } from '../../scripts/lib/pocketbase-binary.mjs';
import { fromRoot } from '../../scripts/lib/paths.mjs';

it('the Go packages of the server pass their own tests', { timeout: 600_000 }, () => {
  const go: string = findGo();
  const result = spawnSync(go, ['test', '-trimpath', './...'], {
    cwd: fromRoot('server'),
    encoding: 'utf8',
    env: { ...process.env, CGO_ENABLED: '0', PATH: `${path.dirname(go)}:${process.env.PATH ?? ''}` },
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(result.stdout).toMatch(/ok\s+tettpa\/server\/staffimport/);
});
