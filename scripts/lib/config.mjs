// The operations contract (see README): every setting `npm start` reads, validated in one place.
import { z } from 'zod';
import path from 'node:path';
import { fromRoot } from './paths.mjs';

export const DEMO_PASSWORD = 'demo-passord-2026';
/** The superuser password the README documents: fine on this machine, refused anywhere else. */
export const DOCUMENTED_ADMIN_PASSWORD = 'superbruker-2026';

/** Whether the server listens only on this machine (nobody else can reach it). */
export function isLoopback(host) {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ error: 'PORT må være et tall' }).int().min(1, 'PORT må være 1–65535').max(65535, 'PORT må være 1–65535').default(8090),
  PB_DATA_DIR: z.string().min(1).default('pb_data'),
  TETTPA_ADMIN_EMAIL: z.email({ error: 'TETTPA_ADMIN_EMAIL må være en e-postadresse' }).default('superbruker@tettpa.no'),
  TETTPA_ADMIN_PASSWORD: z.string().min(10, 'TETTPA_ADMIN_PASSWORD må ha minst 10 tegn').default(DOCUMENTED_ADMIN_PASSWORD),
  TETTPA_DEMO: z.enum(['0', '1'], { error: 'TETTPA_DEMO må være 0 eller 1' }).default('1'),
  // The site's own address as people reach it (behind a proxy: https://…); the only origin the API answers.
  TETTPA_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'TETTPA_PUBLIC_URL må være en adresse som begynner med http:// eller https://' }).optional(),
}).superRefine((c, ctx) => {
  // Reachable from other machines, the password printed in the README would open the admin UI.
  if (!isLoopback(c.HOST) && c.TETTPA_ADMIN_PASSWORD === DOCUMENTED_ADMIN_PASSWORD) {
    ctx.addIssue({
      code: 'custom',
      path: ['TETTPA_ADMIN_PASSWORD'],
      message: `serveren lytter på ${c.HOST}, og da kan ikke superbrukeren få standardpassordet fra README. Sett TETTPA_ADMIN_PASSWORD til et eget passord på minst 10 tegn.`,
    });
  }
});

export function readConfig(env = process.env) {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ugyldige innstillinger:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    host: c.HOST,
    port: c.PORT,
    dataDir: path.isAbsolute(c.PB_DATA_DIR) ? c.PB_DATA_DIR : fromRoot(c.PB_DATA_DIR),
    adminEmail: c.TETTPA_ADMIN_EMAIL,
    adminPassword: c.TETTPA_ADMIN_PASSWORD,
    demo: c.TETTPA_DEMO === '1',
    publicUrl: (c.TETTPA_PUBLIC_URL ?? `http://${c.HOST.includes(':') && !c.HOST.startsWith('[') ? `[${c.HOST}]` : c.HOST}:${c.PORT}`).replace(/\/+$/, ''),
  };
}
