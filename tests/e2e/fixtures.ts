import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { nb } from '../../src/i18n/nb';
import { createBarnehage, createUser, superuser, PASSWORD, type TestUser } from '../support/accounts';

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL mangler: global-setup har ikke startet serveren');
  return url;
};

/** A fresh learner for each test, so tests never see each other's progress. */
export async function freshLearner(url = baseUrl()): Promise<TestUser> {
  const root = await superuser(url);
  return createUser(root, 'deltaker', (await createBarnehage(root)).id, 'Lene Lærling');
}

export async function logIn(page: Page, email: string, { next = '/min-side/', url = baseUrl(), password = PASSWORD } = {}) {
  await page.goto(`${url}/logg-inn/?neste=${encodeURIComponent(next)}`);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(`${url}${next}`);
}

/** axe-core with the WCAG 2.1 A and AA rules; returns the violations for a readable failure. */
const stringKeys = new Set(Object.keys(nb));

/**
 * axe-core's violations, and one more kind of its own: a UI string's key shown instead of its text
 * (an island whose string table lacks the key shows the key), read from the page's text and labels.
 */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  const words = await page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((el) => ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''));
    return `${document.body.innerText} ${labels.join(' ')}`.split(/[\s«»"'(),:;!?]+/);
  });
  const shown = [...new Set(words.filter((w) => stringKeys.has(w) || stringKeys.has(w.replace(/\.$/, ''))))];
  if (shown.length > 0) violations.push(`string-key: the page shows the keys ${shown.join(', ')} instead of their text`);
  return violations;
}

export const test = base;
export { expect };
