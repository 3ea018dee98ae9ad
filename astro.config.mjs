// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { scormPackages } from './scripts/lib/scorm-export-integration.mjs';
import { islandStrings } from './scripts/lib/island-strings.mjs';

// PocketBase serves the built site and the API from one origin; in development
// `astro dev` forwards /api to the PocketBase that scripts/dev.mjs starts.
const pocketbaseUrl = process.env.POCKETBASE_URL ?? 'http://127.0.0.1:8090';

export default defineConfig({
  site: process.env.TETTPA_SITE_URL ?? 'http://127.0.0.1:8090',
  // 'ignore', not 'always': in development the check would answer /api/… itself instead of proxying it.
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // scormPackages: after the build, every course as a SCORM 1.2 zip in dist/scorm-pakker/.
  integrations: [mdx(), svelte(), scormPackages()],
  // A Content-Security-Policy on every page: Astro hashes the inline scripts of its islands and the
  // inline styles, so nothing needs 'unsafe-inline' for scripts. The server repeats the page's policy
  // as a header and adds frame-ancestors, which browsers ignore in a <meta> (server/main.go).
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'"] },
      // Style attributes (a progress bar's width) are not scripts; they stay allowed.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  vite: {
    // Each island carries only its own strings (scripts/lib/island-strings.mjs).
    plugins: [islandStrings()],
    server: { proxy: { '/api': { target: pocketbaseUrl, ws: true } } },
    build: {
      rollupOptions: {
        // Astro's MDX output carries a "use astro:head-inject" directive that Rolldown warns about
        // for every lesson; it is Astro's own marker and harmless. Every other warning still shows.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
