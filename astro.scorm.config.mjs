// @ts-check
// The second build behind `npm run export:scorm`: only the package pages in src/scorm/pages (each
// lesson as a stand-alone SCO, no site navigation, no PocketBase), with every URL relative so that
// the files work from inside a zip played by any SCORM 1.2 platform.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import siteConfig from './astro.config.mjs';

export default defineConfig({
  site: siteConfig.site,
  srcDir: './src/scorm',
  publicDir: './src/scorm/public',
  outDir: './.cache/scorm-build',
  cacheDir: './.cache/scorm-astro',
  // lesson.html files side by side at the package root, next to _astro/.
  build: { format: 'file' },
  integrations: [mdx(), svelte()],
  vite: {
    // The site's own build options (its warning filter for MDX output).
    build: siteConfig.vite?.build,
    experimental: {
      // Scripts and styles find each other relative to themselves (import.meta.url), never at
      // /_astro/; the HTML's own links are made relative by scripts/lib/scorm-package.mjs.
      renderBuiltUrl: () => ({ relative: true }),
    },
  },
});
