import { readFile } from 'node:fs/promises';
import {
  expect as baseExpect,
  expectNoAxeViolations,
  followNavLink,
  signIn,
  test,
} from './fixtures.ts';

/*
 * The board member opens the dashboard (key figures and the main chart of each report), changes
 * the period (kept in the URL), opens the recycling report, reads a chart's data as a table,
 * drills into one centre then one stream and climbs back by the breadcrumb, and downloads the
 * board pack as a PDF with the same filters. A manager's dashboard covers their two centres only.
 * Axe-checked on the way.
 */

// Reports sum years of demo data in the embedded database; the board pack renders every report.
const SLOW = { timeout: 20_000 };
const expect = baseExpect.configure(SLOW);
test.describe.configure({ timeout: 120_000 });

test('the board reads the dashboard, changes the period, drills into a centre and a stream, and downloads the board pack @desktop-only', async ({
  page,
}) => {
  await signIn(page, 'ca@lakou.test', SLOW);
  await followNavLink(page, 'Rapports', { exact: true });
  await expect(page).toHaveURL(/\/reports$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tableau de bord du conseil' }),
  ).toBeVisible();

  // Each report the board reads: its key figures and its main chart, drawn with its summary.
  const recycling = page.getByRole('region', { name: 'Recyclage et réemploi' });
  await expect(
    recycling.getByRole('heading', { level: 3, name: 'Tonnage collecté', exact: true }),
  ).toBeVisible();
  await expect(
    recycling.getByRole('img', { name: /Graphique en barres « Tonnage collecté et devenir/ }),
  ).toBeVisible();
  const fund = page.getByRole('region', { name: 'Fonds de dotation' });
  await expect(fund.getByRole('heading', { level: 3 }).first()).toBeVisible();
  await expect(page.getByText(/Centres couverts : tout le réseau/)).toBeVisible();
  await expectNoAxeViolations(page);

  // The period: a preset, kept in the URL, with a comparison told in words on each card.
  await page.getByRole('button', { name: /Période/ }).click();
  await page.getByRole('option', { name: 'L’année dernière' }).click();
  await expect(page).toHaveURL(/period=last_year/);
  await page.getByRole('button', { name: /Comparer avec/ }).click();
  await page.getByRole('option', { name: 'La période précédente' }).click();
  await expect(page).toHaveURL(/compare=previous/);
  const lastYear = new Date().getFullYear() - 1;
  await expect(
    page.getByText(new RegExp(`du 01/01/${lastYear} au 31/12/${lastYear} — comparé à la période`)),
  ).toBeVisible();
  await expect(
    recycling.getByText(/(En hausse|En baisse|Stable) .*par rapport à/).first(),
  ).toBeVisible();

  // The whole recycling report, with the same filters.
  await recycling
    .getByRole('link', { name: 'Ouvrir le rapport « Recyclage et réemploi »' })
    .click();
  await expect(page).toHaveURL(/\/reports\/recycling\?.*period=last_year/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Recyclage et réemploi' }),
  ).toBeVisible();
  const chart = page.getByRole('region', { name: 'Tonnage collecté et devenir des matières' });
  await expect(chart.getByRole('img')).toHaveAttribute(
    'aria-label',
    /Tonnage collecté : .* au total/,
  );
  await chart.getByRole('button', { name: 'Afficher les données du graphique en tableau' }).click();
  const data = chart.getByRole('table', {
    name: 'Tonnage collecté et devenir des matières',
    exact: true,
  });
  await expect(data.getByRole('columnheader', { name: 'Période', exact: true })).toBeVisible();
  await expect(data.getByRole('rowheader', { name: `janvier ${lastYear}` })).toBeVisible();
  await expectNoAxeViolations(page);

  // On paper: no navigation, filters or buttons; every chart's table, even one closed on screen.
  const rates = page.getByRole('region', {
    name: 'Taux de réemploi, de recyclage et de valorisation',
  });
  await expect(rates.getByRole('table')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('search', { name: 'Filtres des rapports' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Dossier du conseil (PDF)' })).toBeHidden();
  await expect(rates.getByRole('table')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // Drill into one centre…
  const byCentre = page.getByRole('table', { name: 'Par centre', exact: true });
  await byCentre
    .getByRole('link', { name: 'Détailler le centre Centre SECCOIA de Kourou' })
    .click();
  await expect(page).toHaveURL(/centreIds=/);
  const crumbs = page.getByRole('navigation', { name: 'Niveau de détail' });
  await expect(crumbs.getByRole('link', { name: 'Réseau' })).toBeVisible();
  await expect(crumbs.getByText('Centre SECCOIA de Kourou')).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByText(/Centres couverts : Centre SECCOIA de Kourou$/)).toBeVisible();
  await expect(byCentre.locator('tbody tr')).toHaveCount(1);

  // …then into one stream of it, and climb back to the centre.
  const byStream = page.getByRole('table', { name: 'Par flux de matières', exact: true });
  const streamLink = byStream.getByRole('link', { name: /^Détailler le flux / }).first();
  const streamName = ((await streamLink.textContent()) ?? '').trim();
  await streamLink.click();
  await expect(page).toHaveURL(/streamIds=/);
  await expect(crumbs.getByText(streamName, { exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await crumbs.getByRole('link', { name: 'Centre SECCOIA de Kourou' }).click();
  await expect(page).not.toHaveURL(/streamIds=/);
  await expect(page).toHaveURL(/centreIds=/);

  // The board pack, for the same filters, as a PDF.
  const pack = page.getByRole('link', { name: 'Dossier du conseil (PDF)' });
  await expect(pack).toHaveAttribute('href', /\/api\/reports\/board-pack\.pdf\?from=.*centreIds=/);
  const downloading = page.waitForEvent('download', { timeout: 90_000 });
  await pack.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(10_000);

  // Back to the network.
  await crumbs.getByRole('link', { name: 'Réseau' }).click();
  await expect(page).not.toHaveURL(/centreIds=/);
});

test('a manager’s dashboard offers and covers their own centres only', async ({ page }) => {
  await signIn(page, 'gestion@lakou.test', SLOW);
  await followNavLink(page, 'Rapports', { exact: true });
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tableau de bord de mes centres' }),
  ).toBeVisible();

  const centres = page.getByRole('group', { name: 'Centres', exact: true });
  await expect(centres.getByRole('checkbox')).toHaveCount(2);
  await expect(
    centres.getByRole('checkbox', { name: 'Centre SECCOIA du Village Chinois' }),
  ).toBeChecked();
  await expect(
    centres.getByRole('checkbox', { name: 'Centre SECCOIA de Mont-Lucas' }),
  ).toBeChecked();
  await expect(centres.getByRole('checkbox', { name: /Kourou/ })).toHaveCount(0);
  await expect(
    page.getByText(
      'Centres couverts : Centre SECCOIA de Mont-Lucas, Centre SECCOIA du Village Chinois',
      { exact: false },
    ),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Recyclage et réemploi' }).getByRole('img').first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // One centre unticked: the figures narrow to the other, and the link says so.
  const montLucas = centres.getByRole('checkbox', { name: 'Centre SECCOIA de Mont-Lucas' });
  await montLucas.focus();
  await page.keyboard.press('Space');
  await expect(montLucas).not.toBeChecked();
  await expect(page).toHaveURL(/centreIds=/);
  await expect(
    page.getByText(/Centres couverts : Centre SECCOIA du Village Chinois$/),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Ouvrir le rapport « Recyclage et réemploi »' }).click();
  const byCentre = page.getByRole('table', { name: 'Par centre', exact: true });
  await expect(byCentre.getByRole('rowheader', { name: /Village Chinois/ })).toBeVisible();
  await expect(byCentre.locator('tbody tr')).toHaveCount(1);
});
