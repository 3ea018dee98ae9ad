// The settings `npm start` reads: off this machine, the superuser password from the README is refused.
import { describe, expect, it } from 'vitest';
import { readConfig, DOCUMENTED_ADMIN_PASSWORD } from '../../scripts/lib/config.mjs';

describe('the superuser password in the settings', () => {
  it.each(['0.0.0.0', '192.168.10.20', '::', 'laering.baerum.kommune.no'])('is refused with the README’s default when HOST is %s, saying what to set', (HOST) => {
    expect(() => readConfig({ HOST })).toThrow(/TETTPA_ADMIN_PASSWORD: serveren lytter på .*standardpassordet fra README\. Sett TETTPA_ADMIN_PASSWORD til et eget passord på minst 10 tegn\./);
    expect(() => readConfig({ HOST, TETTPA_ADMIN_PASSWORD: DOCUMENTED_ADMIN_PASSWORD })).toThrow(/Sett TETTPA_ADMIN_PASSWORD/);
  });

  it('is accepted off loopback when it is the operator’s own', () => {
    expect(readConfig({ HOST: '0.0.0.0', TETTPA_ADMIN_PASSWORD: 'et-eget-langt-passord' }).adminPassword).toBe('et-eget-langt-passord');
  });

  it.each(['127.0.0.1', '127.0.1.1', 'localhost', '::1', '[::1]'])('may keep the default on loopback (%s), where nobody else can reach it', (HOST) => {
    expect(readConfig({ HOST }).adminPassword).toBe(DOCUMENTED_ADMIN_PASSWORD);
  });
});

describe('the public address', () => {
  it('is the server’s own address unless TETTPA_PUBLIC_URL says otherwise', () => {
    expect(readConfig({ PORT: '8123' }).publicUrl).toBe('http://127.0.0.1:8123');
    expect(readConfig({ TETTPA_PUBLIC_URL: 'https://laering.baerum.kommune.no/' }).publicUrl).toBe('https://laering.baerum.kommune.no');
    expect(() => readConfig({ TETTPA_PUBLIC_URL: 'laering.baerum.kommune.no' })).toThrow(/TETTPA_PUBLIC_URL må være en adresse/);
  });
});
