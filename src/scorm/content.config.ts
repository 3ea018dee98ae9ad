// The package build (astro.scorm.config.mjs) has its own srcDir; it reads the same collections.
export { collections } from '../content.config';
