// Astro integration: after every site build, the courses as SCORM 1.2 packages in
// dist/scorm-pakker/<kurs>.zip, so the admin page's download buttons work from a fresh clone
// (npm start and npm test build the site) without a server that can run a build.
import { fileURLToPath } from 'node:url';
import { exportScormPackages } from './scorm-export.mjs';
import { SCORM_PACKAGES_PATH } from './scorm-paths.mjs';

/** @returns {import('astro').AstroIntegration} */
export function scormPackages() {
  let siteUrl = '';
  return {
    name: 'tettpa-scorm-packages',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = String(config.site ?? '');
      },
      'astro:build:done': ({ dir, logger }) => {
        // The bench's scale builds measure the site build itself and set this to skip the second
        // build that makes the packages (~20 s each); nothing else sets it.
        if (process.env.TETTPA_SKIP_SCORM_PACKAGES === '1') {
          logger.info('SCORM-pakker hoppet over (TETTPA_SKIP_SCORM_PACKAGES=1)');
          return;
        }
        exportScormPackages(fileURLToPath(new URL(`${SCORM_PACKAGES_PATH}/`, dir)), { siteUrl, log: (line) => logger.info(line) });
      },
    },
  };
}
