/**
 * The lesson building blocks inside a SCORM package: the same as on the site, except the
 * reflection, which is kept by the platform that plays the package instead of by our server.
 */
import { mdxComponents } from '../mdx';
import PackageReflection from './PackageReflection.astro';

export const packageMdxComponents = { ...mdxComponents, Reflection: PackageReflection };
