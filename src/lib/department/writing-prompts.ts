/**
 * Writing support for the month's praksisfortelling (`src/content/skrivestotte.yaml`): a short
 * description and two or three questions per CLASS dimension. Validated once; a wrong edit stops the build.
 */
import { parse } from 'yaml';
import { z } from 'astro/zod';
import raw from '../../content/skrivestotte.yaml?raw';
import { catalogue } from '../class/catalogue';

const promptSchema = z.strictObject({
  /** One or two sentences on what the dimension is about, in the platform's own words. */
  description: z.string().min(20),
  /** Questions to write from: two or three. */
  questions: z.array(z.string().min(10)).min(2).max(3),
});
export type WritingPrompt = z.infer<typeof promptSchema>;

export function parseWritingPrompts(text: string): Record<string, WritingPrompt> {
  const result = z.record(z.string(), promptSchema).safeParse(parse(text));
  if (!result.success) {
    throw new Error(`src/content/skrivestotte.yaml: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const missing = catalogue.dimensions.map((d) => d.key).filter((key) => !result.data[key]);
  const unknown = Object.keys(result.data).filter((key) => !catalogue.dimensions.some((d) => d.key === key));
  if (missing.length || unknown.length) {
    throw new Error(`src/content/skrivestotte.yaml: mangler ${missing.join(', ') || 'ingen'}; ukjente nøkler ${unknown.join(', ') || 'ingen'}`);
  }
  return result.data;
}

export const writingPrompts: Record<string, WritingPrompt> = parseWritingPrompts(raw);
