import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/*
 * The gifts' desk of a centre manager: a gift in kind of furniture (valued in euros, with its
 * mass for the circular economy) from a new company donor, then a stack of cheques typed with the
 * keyboard only (a new donor inline, then the same donor found as you type), the receipt issued
 * from the list of what was typed and downloaded as a PDF; and a bank CSV with one bad row,
 * refused whole with the row shown and nothing imported. Every name is unique to the run, so the
 * desktop and phone runs, which share one database, never see each other's gifts.
 */

const PASSWORD = 'lakou-demo-2026';

function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  // On a busy machine the first sign-in of a fresh server can drop (« La connexion a échoué »):
  // the page offers to try again, and so does the manager (three times at most).
  const failed = page.getByRole('alert').filter({ hasText: 'Connexion impossible' });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const outcome = await Promise.race([
      page.waitForURL(/\/$/, { timeout: 30_000 }).then(() => 'signed-in' as const),
      failed.waitFor({ timeout: 30_000 }).then(() => 'failed' as const),
    ]).catch(() => 'slow' as const);
    if (outcome !== 'failed') break;
  }
  await expect(page).toHaveURL(/\/$/);
}

const signInAsManager = (page: Page) => signIn(page, 'gestion@lakou.test');

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-live-announcer]')
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

interface ApiDonation {
  kind: string;
  amountCents: number;
  method: string | null;
  reference: string | null;
  category: string | null;
  quantity: number | null;
  unit: string | null;
  massGrams: number | null;
  circularStream: string | null;
  centreId: string | null;
  receiptNumber: string | null;
}

async function donorNamed(page: Page, name: string) {
  const res = await page.request.get(`/api/donors?q=${encodeURIComponent(name)}`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { items: { id: string; name: string }[] }).items.filter(
    (d) => d.name === name,
  );
}

async function giftsOf(page: Page, donorId: string): Promise<ApiDonation[]> {
  const res = await page.request.get(`/api/donations?donorId=${donorId}`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { items: ApiDonation[] }).items;
}

test('a manager records furniture given in kind and a stack of cheques with the keyboard, issues a receipt, downloads its PDF, cancels and reissues it, and exports the donor @desktop-only', async ({
  page,
}) => {
  // A long journey, typed key by key on a machine that may be busy.
  test.setTimeout(300_000);
  await signInAsManager(page);
  const company = unique('Meubles Solidaires');
  const person = unique('Mireille Donatrice');
  // References are unique in the fund: one per run.
  const cheque = unique('CHQ');

  // One « Dons » entry in the navigation.
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Dons' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dons' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Dons reçus' })).toBeVisible();

  // A gift in kind: new company donor inline, valuation typed the French way, mass in kg.
  await page.getByRole('link', { name: 'Don en nature' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Don en nature' })).toBeVisible();
  const inKind = page.getByRole('form', { name: 'Nouveau don en nature' });
  // The receiving centre defaults to one the manager runs.
  await expect(inKind.getByRole('button', { name: /Centre qui reçoit/ })).toContainText(
    /Village Chinois|Mont-Lucas/,
  );
  const donorBox = inKind.getByRole('combobox', { name: 'Donateur' });
  await donorBox.fill(company);
  await page.getByRole('option', { name: `Nouveau donateur : « ${company} »` }).click();
  const newDonor = inKind.getByRole('group', { name: 'Nouveau donateur' });
  await newDonor.getByRole('button', { name: /Type de donateur/ }).click();
  await page.getByRole('option', { name: 'Entreprise' }).click();
  await newDonor.getByRole('textbox', { name: 'Adresse', exact: true }).fill('12 rue Lallouette');
  await newDonor.getByRole('textbox', { name: 'Code postal' }).fill('97300');
  await newDonor.getByRole('textbox', { name: 'Commune' }).fill('Cayenne');
  await inKind
    .getByRole('textbox', { name: 'Description des biens' })
    .fill('6 chaises et 2 tables en bois');
  await inKind.getByRole('button', { name: /Catégorie/ }).click();
  await page.getByRole('option', { name: 'Mobilier' }).click();
  await inKind.getByRole('textbox', { name: 'Quantité' }).fill('8');
  await inKind.getByRole('textbox', { name: 'Masse (kg)' }).fill('35,5');
  await inKind.getByRole('textbox', { name: 'Valeur (€)' }).fill('1 234,50');
  await inKind.getByRole('button', { name: /Méthode de valorisation/ }).click();
  await page.getByRole('option', { name: 'Facture du donateur' }).click();
  await inKind
    .getByRole('textbox', { name: 'Justificatif de la valeur' })
    .fill('Facture F-2026-118');
  await inKind.getByRole('button', { name: /Centre qui reçoit/ }).click();
  await page.getByRole('option', { name: /Village Chinois/ }).click();
  await expectNoAxeViolations(page);
  await inKind.getByRole('button', { name: 'Enregistrer le don en nature' }).click();
  await expect(
    page.getByText(/Don en nature enregistré : 6 chaises et 2 tables en bois \(1\s234,50\s€\)/),
  ).toBeVisible();
  // The form is empty again, ready for the next gift, with focus on the donor.
  await expect(donorBox).toHaveValue('');
  await expect(donorBox).toBeFocused();

  const [companyDonor] = await donorNamed(page, company);
  expect(companyDonor).toBeDefined();
  const [goods] = await giftsOf(page, companyDonor?.id ?? '');
  const centres = (await (await page.request.get('/api/centres?pageSize=100')).json()) as {
    items: { id: string; name: string }[];
  };
  expect(goods).toMatchObject({
    kind: 'in_kind',
    amountCents: 123_450,
    category: 'furniture',
    quantity: 8,
    unit: 'piece',
    massGrams: 35_500,
    circularStream: 'furniture',
    centreId: centres.items.find((c) => c.name.includes('Village Chinois'))?.id,
  });

  // A stack of cheques, keyboard only.
  await page.goto('/donations/money');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Saisie des dons en argent' }),
  ).toBeVisible();
  const form = page.getByRole('form', { name: 'Nouveau don en argent' });
  const donor = form.getByRole('combobox', { name: 'Donateur' });
  await expect(donor).toBeFocused();
  await page.keyboard.type(person);
  const createOption = page.getByRole('option', { name: `Nouveau donateur : « ${person} »` });
  await expect(createOption).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(createOption).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('Enter');
  const inline = form.getByRole('group', { name: 'Nouveau donateur' });
  await expect(inline.getByRole('textbox', { name: 'Nom', exact: true })).toHaveValue(person);
  // Tab through the new donor's fields: kind (kept: individual), name, address…
  await inline.getByRole('textbox', { name: 'Adresse', exact: true }).focus();
  await page.keyboard.type('3 chemin de la Levée');
  await page.keyboard.press('Tab');
  await page.keyboard.type('97300');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Cayenne');
  await form.getByRole('textbox', { name: 'Montant (€)' }).focus();
  await page.keyboard.type('150');
  await page.keyboard.press('Tab');
  await page.keyboard.type(cheque);
  await expect(form.getByRole('button', { name: /Moyen de paiement/ })).toContainText('Chèque');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Don de 150,00\u00a0€ de ${person} enregistré.`)).toBeVisible();
  // Ready for the next cheque: donor focused and empty, method and sub-fund kept.
  await expect(donor).toBeFocused();
  await expect(donor).toHaveValue('');
  await expect(form.getByRole('textbox', { name: 'Montant (€)' })).toHaveValue('');
  await expect(form.getByRole('button', { name: /Moyen de paiement/ })).toContainText('Chèque');
  await expect(form.getByRole('button', { name: /Sous-fonds/ })).toContainText('LIBRE');

  // The second cheque of the same donor, found as you type.
  await page.keyboard.type(person);
  const existing = page.getByRole('option', { name: new RegExp(`^${person}`) });
  await expect(existing).toBeVisible();
  await expect(page.getByRole('option', { name: /Nouveau donateur/ })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('group', { name: 'Nouveau donateur' })).toHaveCount(0);
  await form.getByRole('textbox', { name: 'Montant (€)' }).focus();
  await page.keyboard.type('20,50');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Don de 20,50\u00a0€ de ${person} enregistré.`)).toBeVisible();

  const typed = page.getByRole('list', { name: 'Dons saisis' });
  await expect(typed.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText('2 dons saisis, 170,50\u00a0€ au total.')).toBeVisible();
  const [personDonor, ...others] = await donorNamed(page, person);
  expect(others).toEqual([]);
  const cheques = await giftsOf(page, personDonor?.id ?? '');
  expect(cheques.map((g) => [g.amountCents, g.method]).sort()).toEqual([
    [15_000, 'cheque'],
    [2_050, 'cheque'],
  ]);

  // The receipt of the first cheque, issued from the list, then downloaded.
  const first = typed.getByRole('listitem').filter({ hasText: '150,00' });
  await first.getByRole('button', { name: `Émettre le reçu de ${person}` }).click();
  const pdfLink = first.getByRole('link', { name: /^Reçu \d{4}-\d{6} \(PDF\)$/ });
  await expect(pdfLink).toBeVisible();
  const number = /(\d{4}-\d{6})/.exec((await pdfLink.textContent()) ?? '')?.[1] ?? '';
  const downloading = page.waitForEvent('download');
  await pdfLink.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
  // One page of text and a few fonts: more than an empty shell, far less than a scanned image.
  expect(bytes.length).toBeGreaterThan(2_000);
  expect(bytes.length).toBeLessThan(2_000_000);

  // The receipts list has it, issued, with its donor.
  await page.goto('/receipts');
  const receipts = page.getByRole('grid', { name: 'Reçus fiscaux' });
  const row = receipts.getByRole('row').filter({ hasText: number });
  // A fresh page load on a busy machine: give the list time to arrive.
  await expect(row).toContainText(person, { timeout: 20_000 });
  await expect(row).toContainText('150,00');
  await expect(row).toContainText('Émis');

  // A wrong receipt is cancelled with a reason (required) and reissued; its number stays used.
  await row.getByRole('button', { name: `Annuler le reçu ${number}` }).click();
  const cancel = page.getByRole('dialog', { name: `Annuler le reçu ${number} ?` });
  await cancel.getByRole('button', { name: 'Annuler et réémettre' }).click();
  await expect(cancel.getByText('Indiquez pourquoi le reçu est annulé')).toBeVisible();
  await expectNoAxeViolations(page);
  await cancel.getByRole('textbox', { name: 'Raison de l’annulation' }).fill('Adresse erronée');
  await cancel.getByRole('button', { name: 'Annuler et réémettre' }).click();
  await expect(cancel).toHaveCount(0);
  const replaced = page.getByText(
    new RegExp(`^Reçu ${number} annulé, remplacé par le reçu (\\d{4}-\\d{6})\\.$`),
  );
  await expect(replaced).toBeVisible();
  const next = /remplacé par le reçu (\d{4}-\d{6})/.exec((await replaced.textContent()) ?? '')?.[1];
  await expect(row).toContainText('Annulé');
  await expect(row).toContainText('Adresse erronée');
  await expect(receipts.getByRole('row').filter({ hasText: next ?? 'none' })).toContainText('Émis');

  // The donor's page: both cheques, both receipts, the GDPR export; erasure is the admin's.
  await row.getByRole('link', { name: person }).click();
  await expect(page.getByRole('heading', { level: 1, name: person })).toBeVisible();
  await expect(page.getByRole('grid', { name: `Dons de ${person}` }).getByRole('row')).toHaveCount(
    3,
  );
  await expect(
    page.getByRole('grid', { name: `Reçus fiscaux de ${person}` }).getByRole('row'),
  ).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Effacer ses données' })).toHaveCount(0);
  const exporting = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporter ses données (RGPD)' }).click();
  const exported = JSON.parse(
    await (await import('node:fs/promises')).readFile(await (await exporting).path(), 'utf-8'),
  ) as { donor: { name: string }; donations: unknown[]; receipts: unknown[] };
  expect(exported.donor.name).toBe(person);
  expect(exported.donations).toHaveLength(2);
  expect(exported.receipts).toHaveLength(2);
  await expectNoAxeViolations(page);
});

test('the fund’s admin erases a donor after a confirmation that names the consequence @desktop-only', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin@lakou.test');
  const name = unique('Hélène Effacée');
  const created = await page.request.post('/api/donors', {
    data: { kind: 'individual', name, email: 'helene@example.org', city: 'Kourou' },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/donors/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('helene@example.org')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer ses données' }).click();
  const confirm = page.getByRole('alertdialog', {
    name: `Effacer les données personnelles de ${name} ?`,
  });
  await expect(confirm).toContainText('ne pourra plus recevoir de reçu fiscal');
  await expect(confirm).toContainText('conservés');
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Donateur anonymisé' })).toBeVisible();
  await expect(page.getByText('Données effacées', { exact: true })).toBeVisible();
  await expect(page.getByText('helene@example.org')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Effacer ses données' })).toHaveCount(0);
});

test('a bank CSV with one bad row is refused whole, the row shown, nothing imported', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsManager(page);
  const good = unique('Jean Virement');
  const bad = unique('Rose Chèque');
  const other = unique('Paul Espèces');
  // A day of last year: in the past whatever the fund's clock says.
  const date = `15/06/${new Date().getUTCFullYear() - 1}`;
  const csv = [
    'Date;Montant;Donateur;Moyen;Référence',
    `${date};45,00;${good};virement;E2E-${good}`,
    `${date};douze;${bad};chèque;E2E-${bad}`,
    `${date};1 200,00;${other};espèces;E2E-${other}`,
  ].join('\n');

  await page.goto('/donations');
  await page.getByRole('link', { name: 'Importer un relevé' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Import d’un relevé bancaire' }),
  ).toBeVisible();
  await page.getByLabel('Fichier CSV').setInputFiles({
    name: 'releve.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf-8'),
  });

  // Every bad row, with its line and reason; the valid rows previewed; import impossible.
  await expect(page.getByText(/^1 ligne en erreur : corrigez le fichier/)).toBeVisible();
  const problems = page.getByRole('grid', { name: 'Lignes en erreur' });
  await expect(problems.getByRole('row')).toHaveCount(2);
  const line = problems.getByRole('row').filter({ hasText: 'Ligne 3' });
  await expect(line).toContainText('Montant illisible « douze »');
  const preview = page.getByRole('grid', { name: 'Aperçu des dons à importer' });
  await expect(preview.getByRole('row').filter({ hasText: good })).toContainText('45,00');
  await expect(preview.getByRole('row').filter({ hasText: other })).toContainText('1\u202f200,00');
  await expect(page.getByRole('button', { name: 'Importer' })).toBeDisabled();
  await expectNoAxeViolations(page);

  // Nothing was written: no donor, no gift.
  for (const name of [good, bad, other]) expect(await donorNamed(page, name)).toEqual([]);
});

test('the gifts, the entry forms, the donors and the receipts fit a 360 px phone (axe-checked)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAsManager(page);
  for (const [path, heading] of [
    ['/donations', 'Dons'],
    ['/donations/money', 'Saisie des dons en argent'],
    ['/donations/in-kind', 'Don en nature'],
    ['/donors', 'Donateurs'],
    ['/receipts', 'Reçus fiscaux'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({
      timeout: 20_000,
    });
    // Lists have loaded (or the forms their choices) before the page is judged.
    await expect(page.getByText('Chargement…')).toHaveCount(0, { timeout: 20_000 });
    await expectNoAxeViolations(page);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${path} scrolls sideways`,
    ).toBeLessThanOrEqual(360);
  }

  // A link filtered on a donor opens with the donor's name in the filter.
  const res = await page.request.get('/api/donations?pageSize=100');
  const gift = (
    (await res.json()) as { items: { donorId: string | null; donorName: string }[] }
  ).items.find((g) => g.donorId !== null);
  const someone = { id: gift?.donorId, name: gift?.donorName };
  await page.goto(`/donations?donorId=${someone?.id}`);
  await expect(page.getByRole('combobox', { name: 'Donateur' })).toHaveValue(someone?.name ?? '-');
  await expect(page.getByRole('grid', { name: 'Dons reçus' }).getByRole('link').first()).toHaveText(
    someone?.name ?? '-',
  );
});
