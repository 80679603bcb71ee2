import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every journey also checks that the hub runs under its Content-Security-Policy: a violation
 * (an inline script or style, a third-party origin) fails the test that caused it.
 */
export const test = base.extend<{ cspGuard: undefined }>({
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          violations.push(message.text());
        }
      });
      await use(undefined);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The password of every demo account (apps/api/src/db/seed/demo-users.ts). */
export const DEMO_PASSWORD = 'lakou-demo-2026';

/**
 * Signs a demo account in and waits for the home page. `timeout`: how long to wait for it, for
 * the journeys whose pages sum years of demo data (the default expect timeout otherwise).
 */
export async function signIn(page: Page, email: string, options: { timeout?: number } = {}) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/$/, options);
}

/** Fails on any WCAG 2.1 A/AA violation axe finds on the page as it is. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .exclude('[data-live-announcer]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** The main navigation, opened first on a phone, where it sits behind the menu button. */
export async function openNavigation(page: Page) {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  return page.getByRole('navigation', { name: 'Navigation principale' });
}

/** Follows a link of the main navigation, named as the reader sees it. */
export async function followNavLink(page: Page, name: string, options: { exact?: boolean } = {}) {
  await (await openNavigation(page)).getByRole('link', { name, ...options }).click();
}
