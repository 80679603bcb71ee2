import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures.ts';

/*
 * The network admin edits the editable lists (« Paramètres › Listes »): renames an event kind
 * and sees the new label in a centre's events table, merges two in-kind donation categories,
 * and cannot retire the coworking desk kind. The lists are the whole network's, so these
 * journeys run once (desktop) and touch items no other journey reads.
 */

const unique = (prefix: string) =>
  `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function villageChinois(page: Page): Promise<string> {
  const res = await page.request.get('/api/centres?pageSize=100');
  const { items } = (await res.json()) as { items: { id: string; name: string }[] };
  const centre = items.find((c) => c.name.includes('Village Chinois'));
  expect(centre).toBeDefined();
  return centre?.id ?? '';
}

test('an admin renames an event kind and the events table shows the new label @desktop-only', async ({
  page,
}) => {
  // A month of a centre's events loads behind the rename: give it the slow journeys' time.
  test.slow();
  await signIn(page, 'admin@lakou.test');
  await page.goto('/settings/lists?list=event_kind');
  const table = page.getByRole('table', { name: /Éléments de la liste « Types d’événement »/ });
  await expect(table).toBeVisible();
  await expectNoAxeViolations(page);

  const label = unique('Téléconsultation');
  await table
    .getByRole('button', { name: 'Renommer « Visite de spécialiste ou téléconsultation »' })
    .click();
  const french = table.getByRole('textbox', { name: 'Libellé (français)' });
  await french.fill(label);
  await table.getByRole('textbox', { name: 'Libellé (anglais)' }).fill('Remote consultation');
  await table.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(table.getByRole('rowheader', { name: label })).toBeVisible();

  // The events table: its type filter offers the new label, and the rows show it.
  await page.goto(`/centres/${await villageChinois(page)}/events`);
  await page.getByRole('button', { name: /Type d’événement/ }).click();
  await page.getByRole('option', { name: label }).click();
  const events = page.getByRole('grid', { name: /Événements/ });
  await expect(events.getByRole('gridcell', { name: label }).first()).toBeVisible();
  await expect(
    events.getByRole('rowheader', { name: /Téléconsultation accompagnée/ }).first(),
  ).toBeVisible();
});

test('an admin merges two in-kind donation categories @desktop-only', async ({ page }) => {
  await signIn(page, 'admin@lakou.test');
  await page.goto('/settings/lists?list=donation_category');
  const table = page.getByRole('table', { name: /Catégories de dons en nature/ });
  const source = table.getByRole('row', { name: /Livres et jouets/ });
  await expect(source).toBeVisible();

  await source
    .getByRole('button', { name: 'Fusionner « Livres et jouets » dans un autre élément' })
    .click();
  const dialog = page.getByRole('alertdialog', { name: 'Fusionner « Livres et jouets »' });
  await expect(dialog).toContainText(/passer|Aucune ligne/);
  await dialog.getByRole('button', { name: /Fusionner dans/ }).click();
  await page.getByRole('option', { name: 'Autre', exact: true }).click();
  await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/« Livres et jouets » fusionné dans « Autre »/)).toBeVisible();
  await expect(source.getByText('Fusionné dans « Autre »')).toBeVisible();

  // No gift keeps the merged category, and the pickers no longer offer it.
  const list = (await (await page.request.get('/api/lists/donation_category')).json()) as {
    items: { key: string; retired: boolean; usage: number | null }[];
  };
  expect(list.items.find((i) => i.key === 'books_toys')).toMatchObject({
    retired: true,
    usage: 0,
  });
});

test('the coworking desk kind cannot be retired @desktop-only', async ({ page }) => {
  test.slow();
  await signIn(page, 'admin@lakou.test');
  await page.goto('/settings/lists?list=resource_kind');
  const table = page.getByRole('table', { name: /Types de ressource/ });
  const desk = table.getByRole('row', { name: /Poste de coworking/ });
  await expect(desk).toBeVisible();
  await expect(desk.getByText('Utilisé par Lakou')).toBeVisible();
  await expect(desk.getByRole('button', { name: /^Retirer/ })).toHaveCount(0);
  await expect(desk.getByRole('button', { name: /^Supprimer/ })).toHaveCount(0);
  // The rule is the API's: asked directly, it refuses too, in French.
  const res = await page.request.post('/api/lists/resource_kind/items/desk/retire', {
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { detail: string }).detail).toMatch(/pas retiré/);

  // Tariff templates are edited with their rates, in an accessible form.
  await page.goto('/settings/lists?list=tariff');
  const templates = page.getByRole('table', { name: /Modèles de tarif/ });
  await expect(templates.getByRole('rowheader', { name: /Gratuit/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Tarifs du modèle' })).toBeVisible();
  await expectNoAxeViolations(page);
});
