import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

interface CentreSummary {
  id: string;
  name: string;
}

async function centresFromApi(page: Page): Promise<CentreSummary[]> {
  const res = await page.request.get('/api/centres?pageSize=100');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: CentreSummary[] }).items;
}

async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('the network overview lists the seven demo centres', async ({ page }) => {
  const centres = await centresFromApi(page);
  expect(centres).toHaveLength(7);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SECCOIA-Guyane');
  const table = page
    .getByRole('grid', { name: 'Centres du réseau' })
    .or(page.getByRole('table', { name: 'Centres du réseau' }));
  for (const centre of centres) {
    await expect(table.getByRole('link', { name: centre.name })).toBeVisible();
  }
  await expect(table.getByRole('row')).toHaveCount(centres.length + 1);
  await expectNoAccessibilityViolations(page);
});

test('a search narrows the list, and clearing it brings every centre back', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('searchbox', { name: /Rechercher un centre/ });
  await search.fill('remire');
  await expect(page.getByRole('link', { name: /Rémire-Montjoly/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Kourou/ })).toHaveCount(0);
  await expect(page).toHaveURL(/q=remire/);
  await search.fill('papaichton');
  await expect(page.getByText('Aucun centre ne correspond à votre recherche')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(page.getByRole('link', { name: /Kourou/ })).toBeVisible();
});

test('opening a centre shows its address, hours in its own time zone and partners, then English on demand', async ({
  page,
}) => {
  const kourou = (await centresFromApi(page)).find((c) => c.name.includes('Kourou'));
  expect(kourou).toBeDefined();
  await page.goto('/');
  await page.getByRole('link', { name: kourou?.name }).click();

  await expect(page).toHaveURL(new RegExp(`/centres/${kourou?.id}`));
  await expect(page.getByRole('heading', { level: 1, name: kourou?.name })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Horaires d.ouverture/ })).toBeVisible();
  await expect(page.getByText(/UTC\s?[−-]\s?3/).first()).toBeVisible();
  await expect(page.getByText('7 avenue des Roches')).toBeVisible();
  await expect(page.getByText('Mission Locale de Guyane')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByRole('button', { name: /Langue/ }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Opening hours' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Opening hours' })).toBeVisible();
});

test('an unknown centre gets a friendly not-found page, not a crash', async ({ page }) => {
  await page.goto('/centres/7d0c2f3e-58c1-4c9e-9b43-0a3f5a1d2e10');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /Retour au réseau/ }).first()).toBeVisible();
});

test('keyboard users can skip to the content @desktop-only', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SECCOIA-Guyane');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu principal' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
});

test('screenshot of the overview for the README @desktop-only', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Kourou/ })).toBeVisible();
  await page.screenshot({ path: resolve(import.meta.dirname, '../../../docs/screenshot.png') });
});

test('the partners page filters by kind', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SECCOIA-Guyane');
  // On a phone the navigation sits behind the menu button.
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('link', { name: 'Partenaires' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const table = page
    .getByRole('grid', { name: 'Partenaires du réseau' })
    .or(page.getByRole('table', { name: 'Partenaires du réseau' }));
  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  await expect(row('Ne plus jeter')).toHaveCount(1);
  await expect(row('CAF de la Guyane')).toHaveCount(1);
  await page.getByRole('button', { name: /Type de partenaire/ }).click();
  await page.getByRole('option', { name: 'Organisme public' }).click();
  await expect(page).toHaveURL(/kind=public_body/);
  await expect(row('Ne plus jeter')).toHaveCount(0);
  await expect(row('CAF de la Guyane')).toHaveCount(1);
  await expectNoAccessibilityViolations(page);
});
