import type { TestProject } from 'vitest/node';
import { removeDataDir, startTestServer } from '../support/test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    pocketbaseUrl: string;
    mailpitUrl: string;
  }
}

/** One real PocketBase for all integration tests: a throwaway data dir on a free port. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  project.provide('pocketbaseUrl', server.url);
  project.provide('mailpitUrl', server.mailpitUrl);
  return async () => {
    await server.stop();
    removeDataDir(server.dataDir);
  };
}
