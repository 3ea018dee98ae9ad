// The text of each practice vignette as data, for the kodepanel's coding screen: it shows one
// vignette at a time, and the site is static. Practice texts are public on /koding/ already;
// check-pool cycles are not practice material and get none.
import type { APIRoute, GetStaticPaths } from 'astro';
import { practiceVignettes, type VignetteEntry } from '../../../lib/content/vignettes';
import { dimensionLabels } from '../../../lib/coding/dimension-labels';

export const getStaticPaths: GetStaticPaths = async () => (await practiceVignettes()).map((vignette) => ({ params: { slug: vignette.id }, props: { vignette } }));

export const GET: APIRoute = ({ props }) => {
  const { vignette } = props as { vignette: VignetteEntry };
  const body = {
    slug: vignette.id,
    title: vignette.data.title,
    html: vignette.rendered?.html ?? '',
    dimensions: dimensionLabels(vignette.data.ageGroup, vignette.data.dimensions),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
