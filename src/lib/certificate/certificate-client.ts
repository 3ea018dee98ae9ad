/** Kursbevis from the server: the learner's own (or what is missing), and the public check. */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type { ServerApi } from '../pocketbase/server-api';
import { statusOf } from '../pocketbase/request-status';

const certificateSchema = z.object({
  code: z.string(),
  issuedAt: z.string(),
  name: z.string(),
  barnehage: z.string(),
  course: z.object({ id: z.string(), title: z.string() }),
  lessons: z.array(z.string()),
  minutes: z.number(),
});
export type IssuedCertificate = z.infer<typeof certificateSchema>;

const missingSchema = z.object({
  message: z.string(),
  missing: z.array(z.object({ lesson: z.string(), title: z.string(), state: z.enum(['notStarted', 'notCompleted', 'quizMissing', 'quizFailed']) })),
});
export type MissingRequirements = z.infer<typeof missingSchema>;

const verifiedSchema = z.object({ name: z.string(), course: z.string(), date: z.string() });
export type VerifiedCertificate = z.infer<typeof verifiedSchema>;

export type CertificateAnswer = { kind: 'issued'; certificate: IssuedCertificate } | { kind: 'missing'; requirements: MissingRequirements };

/** The learner's kursbevis for `course`, issued by the server once the requirements hold. */
export async function loadMyCertificate(pb: ServerApi, course: string): Promise<CertificateAnswer> {
  try {
    const answer = await pb.send(`/api/tettpa/me/certificates/${encodeURIComponent(course)}`, { method: 'GET' });
    return { kind: 'issued', certificate: certificateSchema.parse(answer) };
  } catch (error) {
    if (statusOf(error) === 409) {
      return { kind: 'missing', requirements: missingSchema.parse((error as { response?: unknown }).response) };
    }
    throw error;
  }
}

/** The public check of a code: name, course and date of the kursbevis it belongs to. */
export async function verifyCertificate(pb: ServerApi, code: string): Promise<VerifiedCertificate> {
  const answer = await pb.send('/api/tettpa/certificates/verify', { method: 'GET', query: { kode: code } });
  return verifiedSchema.parse(answer);
}

/** A code as it is printed: four groups of four, easier to read aloud and type. */
export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}
