// The operations contract (see README): every setting `npm start` reads, validated in one place.
import { z } from 'zod';
import path from 'node:path';
import { fromRoot } from './paths.mjs';

export const DEMO_PASSWORD = 'demo-passord-2026';

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ error: 'PORT må være et tall' }).int().min(1, 'PORT må være 1–65535').max(65535, 'PORT må være 1–65535').default(8090),
  PB_DATA_DIR: z.string().min(1).default('pb_data'),
  TETTPA_ADMIN_EMAIL: z.email({ error: 'TETTPA_ADMIN_EMAIL må være en e-postadresse' }).default('superbruker@tettpa.no'),
  TETTPA_ADMIN_PASSWORD: z.string().min(10, 'TETTPA_ADMIN_PASSWORD må ha minst 10 tegn').default('superbruker-2026'),
  TETTPA_DEMO: z.enum(['0', '1'], { error: 'TETTPA_DEMO må være 0 eller 1' }).default('1'),
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
  };
}
