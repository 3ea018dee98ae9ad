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
  TETTPA_MAIL_FROM: z.email({ error: 'TETTPA_MAIL_FROM må være en e-postadresse' }).optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number({ error: 'SMTP_PORT må være et tall' }).int().min(1, 'SMTP_PORT må være 1–65535').max(65535, 'SMTP_PORT må være 1–65535').optional(),
  SMTP_USERNAME: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_TLS: z.enum(['true', 'false'], { error: 'SMTP_TLS må være true eller false' }).optional(),
  MAILPIT_PORT: z.coerce.number({ error: 'MAILPIT_PORT må være et tall' }).int().min(1).max(65535, 'MAILPIT_PORT må være 1–65535').default(8025),
  MAILPIT_SMTP_PORT: z.coerce.number({ error: 'MAILPIT_SMTP_PORT må være et tall' }).int().min(1).max(65535, 'MAILPIT_SMTP_PORT må være 1–65535').default(1025),
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

/** The environment PocketBase reads for mail and links (server/env_settings.go). */
export function serverMailEnv(config, smtp) {
  return {
    TETTPA_PUBLIC_URL: config.publicUrl,
    TETTPA_MAIL_FROM: config.mailFrom,
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    SMTP_USERNAME: smtp.username ?? '',
    SMTP_PASSWORD: smtp.password ?? '',
    SMTP_TLS: smtp.tls ? 'true' : 'false',
  };
}

export function readConfig(env = process.env) {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ugyldige innstillinger:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.SMTP_HOST && !c.TETTPA_MAIL_FROM) {
    throw new Error(
      'Ugyldige innstillinger:\n  TETTPA_MAIL_FROM: sett avsenderadressen for e-post (for eksempel ikke-svar@baerum.kommune.no) når SMTP_HOST er satt',
    );
  }
  return {
    host: c.HOST,
    port: c.PORT,
    dataDir: path.isAbsolute(c.PB_DATA_DIR) ? c.PB_DATA_DIR : fromRoot(c.PB_DATA_DIR),
    adminEmail: c.TETTPA_ADMIN_EMAIL,
    adminPassword: c.TETTPA_ADMIN_PASSWORD,
    demo: c.TETTPA_DEMO === '1',
    publicUrl: (c.TETTPA_PUBLIC_URL ?? `http://${c.HOST.includes(':') && !c.HOST.startsWith('[') ? `[${c.HOST}]` : c.HOST}:${c.PORT}`).replace(/\/+$/, ''),
    // Only Mailpit sees this default: with a real SMTP server the operator must name the sender.
    mailFrom: c.TETTPA_MAIL_FROM ?? 'ikke-svar@tett-pa.test',
    /** null: no SMTP configured, so `npm start` runs Mailpit. */
    smtp: c.SMTP_HOST ? { host: c.SMTP_HOST, port: c.SMTP_PORT ?? 587, username: c.SMTP_USERNAME ?? '', password: c.SMTP_PASSWORD ?? '', tls: c.SMTP_TLS === 'true' } : null,
    mailpit: { httpPort: c.MAILPIT_PORT, smtpPort: c.MAILPIT_SMTP_PORT },
  };
}
