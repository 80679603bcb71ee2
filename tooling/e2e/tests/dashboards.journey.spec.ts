import type { Locator, Page } from '@playwright/test';
import {
  expect as baseExpect,
  expectNoAxeViolations,
  followNavLink,
  signIn,
  test,
} from './fixtures.ts';

/*
 * The demo board member composes a dashboard: creates it, adds a recycling chart and the fund's
 * key figures, saves, reloads and finds them, moves one up with the keyboard (« Monter »), saves
 * again, removes the chart (after confirming), then shares the dashboard with the board from the
 * list. A manager then sees it among the board's dashboards, read only. Axe-checked on the way.
 */

// Each widget asks a report that sums years of demo data in the embedded database.
const SLOW = { timeout: 20_000 };
const expect = baseExpect.configure(SLOW);
test.describe.configure({ timeout: 120_000 });

/** Picks an option of a select field of the dialog, named by its label. */
async function choose(scope: Locator, page: Page, label: string, option: string) {
  await scope.getByRole('button', { name: new RegExp(label) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

const TONNAGE = 'Tonnage collecté et devenir des matières';
const FUND_KPIS = 'Indicateurs : Fonds';

test('the board member composes a dashboard, finds it after a reload, reorders it and shares it with the board @desktop-only', async ({
  page,
  browser,
}) => {
  await signIn(page, 'ca@lakou.test', SLOW);
  await followNavLink(page, 'Tableaux de bord', { exact: true });
  await expect(page).toHaveURL(/\/dashboards$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tableaux de bord' })).toBeVisible();

  // A new dashboard of their own: the page opens on it, empty.
  const name = `Conseil ${unique()}`;
  await page.getByRole('button', { name: 'Nouveau tableau de bord' }).click();
  const create = page.getByRole('dialog', { name: 'Nouveau tableau de bord' });
  await create.getByRole('textbox', { name: 'Nom' }).fill(name);
  await create.getByRole('button', { name: 'Créer' }).click();
  await expect(page).toHaveURL(/\/dashboards\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Aucun widget : ajoutez-en un')).toBeVisible();

  // « Modifier »: a recycling chart over the last 12 months, then the fund's key figures.
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page.getByRole('button', { name: 'Ajouter un widget' }).click();
  let dialog = page.getByRole('dialog', { name: 'Ajouter un widget' });
  await choose(dialog, page, 'Rapport', 'Recyclage');
  await choose(dialog, page, 'Affichage', 'Barres empilées');
  // The charts are listed from the report itself.
  await choose(dialog, page, 'Graphique', TONNAGE);
  await choose(dialog, page, 'Période', 'Les 12 derniers mois');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Ajouter un widget' }).click();
  dialog = page.getByRole('dialog', { name: 'Ajouter un widget' });
  await choose(dialog, page, 'Rapport', 'Fonds');
  await choose(dialog, page, 'Affichage', 'Indicateurs clés');
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Tableau de bord enregistré.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Modifier' })).toBeVisible();

  // After a reload: both widgets, in that order, the chart drawn.
  await page.reload();
  const grid = page.getByRole('list', { name: 'Widgets du tableau de bord' });
  await expect(grid.getByRole('listitem')).toHaveCount(2);
  await expect(grid.getByRole('listitem').nth(0)).toHaveAccessibleName(TONNAGE);
  await expect(grid.getByRole('listitem').nth(1)).toHaveAccessibleName(FUND_KPIS);
  await expect(
    grid.getByRole('img', { name: new RegExp(`Graphique en barres .*« ${TONNAGE}`) }),
  ).toBeVisible();
  await expect(
    grid.getByRole('listitem').nth(1).getByRole('heading', { level: 3 }).first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Move the key figures up, with the keyboard; the focus stays on the moved widget.
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page.getByRole('button', { name: `Monter « ${FUND_KPIS} »` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: `Descendre « ${FUND_KPIS} »` })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'en position 1 sur 2' })).toHaveCount(1);
  await expect(grid.getByRole('listitem').nth(0)).toHaveAccessibleName(FUND_KPIS);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('button', { name: 'Modifier' })).toBeVisible();
  await page.reload();
  await expect(grid.getByRole('listitem').nth(0)).toHaveAccessibleName(FUND_KPIS);
  await expect(grid.getByRole('listitem').nth(1)).toHaveAccessibleName(TONNAGE);

  // Remove the chart, after confirming; gone once saved.
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page.getByRole('button', { name: `Retirer « ${TONNAGE} »` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Retirer « ${TONNAGE} » ?` });
  await confirm.getByRole('button', { name: 'Retirer', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('button', { name: 'Modifier' })).toBeVisible();
  await page.reload();
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await expect(grid.getByRole('listitem').nth(0)).toHaveAccessibleName(FUND_KPIS);

  // Share it with the board, from the list.
  await page.getByRole('link', { name: 'Tous les tableaux de bord' }).click();
  const boards = page.getByRole('list', { name: 'Partagés avec le conseil' });
  await page.getByRole('button', { name: `Partager « ${name} » avec le conseil` }).click();
  await expect(page.getByText(`« ${name} » est partagé avec le conseil.`)).toBeVisible();
  await expect(boards.getByRole('link', { name })).toBeVisible();
  await expectNoAxeViolations(page);

  // A manager sees it among the board's dashboards, and may read but not change it.
  const other = await browser.newContext({ locale: 'fr-FR' });
  const manager = await other.newPage();
  await signIn(manager, 'gestion@lakou.test', SLOW);
  await manager.goto('/dashboards');
  await manager
    .getByRole('list', { name: 'Partagés avec le conseil' })
    .getByRole('link', { name })
    .click();
  await expect(manager.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(manager.getByText(/Partagé par Claire Conseil/)).toBeVisible();
  await expect(manager.getByRole('button', { name: 'Modifier' })).toHaveCount(0);
  await other.close();
});
