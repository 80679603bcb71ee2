import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/*
 * At the coworking desk on a 360 px phone: a manager sells a day pass to a newcomer, checks
 * them in at a desk and sees the occupancy go up, is refused a second check-in the same day and
 * the check-in of a member whose carnet is spent (with the offer of a new pass), then undoes the
 * arrival. The desktop and phone runs share one database: each works in a centre of its own,
 * with a member of its own name, and reads the starting occupancy from the API.
 */

const PASSWORD = 'lakou-demo-2026';

function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

async function signInAsManager(page: Page) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('gestion@lakou.test');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function centreNamed(page: Page, name: string): Promise<string> {
  const res = await page.request.get('/api/centres?pageSize=100');
  const { items } = (await res.json()) as { items: { id: string; name: string }[] };
  const centre = items.find((c) => c.name.includes(name));
  expect(centre, name).toBeDefined();
  return centre?.id ?? '';
}

async function checkedInToday(page: Page, centreId: string): Promise<number> {
  const res = await page.request.get(`/api/coworking/check-ins?centreId=${centreId}`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { occupancy: { checkedIn: number } }).occupancy.checkedIn;
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-live-announcer]')
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('a manager on a phone sells a day pass, checks the member in, is refused twice, undoes the arrival and cancels the pass', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAsManager(page);
  const centreId = await centreNamed(
    page,
    testInfo.project.name === 'phone' ? 'Mont-Lucas' : 'Village Chinois',
  );
  const before = await checkedInToday(page, centreId);
  const member = unique('Nadia Coworkeuse');

  // From the centre's page to its coworking space.
  await page.goto(`/centres/${centreId}`);
  await page.getByRole('main').getByRole('link', { name: 'Coworking', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Coworking — / })).toBeVisible();
  const meter = page.getByRole('meter', { name: 'Occupation des postes aujourd’hui' });
  await expect(meter).toHaveAttribute('aria-valuetext', `Présences : ${before} pour 2 postes`);
  await expect(page.getByText(`${before} / 2`, { exact: true })).toBeVisible();

  // « Vendre un pass »: the kinds show their price and validity; the API's French messages land
  // on the fields.
  await page.getByRole('button', { name: 'Vendre un pass' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vendre un pass' });
  await expect(dialog.getByRole('radio', { name: /^Pass journée\s*8,00\s€/ })).toBeChecked();
  await expect(
    dialog.getByRole('radio', {
      name: /^Carnet de 10 jours\s*60,00\s€\s*10 journées, valable 12 mois/,
    }),
  ).not.toBeChecked();
  await expect(dialog.getByRole('textbox', { name: 'Prix (€)' })).toHaveValue('8');
  await dialog.getByRole('textbox', { name: 'Nom du membre' }).fill('N');
  await dialog.getByRole('textbox', { name: 'Adresse e-mail' }).fill('pas-une-adresse');
  await dialog.getByRole('button', { name: 'Vendre le pass' }).click();
  await expect(dialog.getByText('Le nom du membre compte au moins 2 caractères.')).toBeVisible();
  await expect(dialog.getByText('Adresse e-mail invalide.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Nom du membre' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoAxeViolations(page);

  await dialog.getByRole('textbox', { name: 'Nom du membre' }).fill(member);
  await dialog.getByRole('textbox', { name: 'Adresse e-mail' }).fill('');
  await dialog.getByRole('button', { name: 'Vendre le pass' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`Pass journée vendu à ${member}.`)).toBeVisible();

  // The new pass is found by its holder's name, ready for the check-in.
  await expect(page.getByRole('searchbox', { name: 'Rechercher un membre' })).toHaveValue(member);
  const passes = page.getByRole('list', { name: 'Passes des membres' });
  const pass = passes.getByRole('listitem').filter({ hasText: member });
  await expect(pass).toContainText('Utilisable');
  await expect(pass).toContainText('1 journée restante');

  // One tap at a desk of the centre; the target is large enough for a thumb.
  await page.getByRole('button', { name: /Poste pour la prochaine arrivée/ }).click();
  await page.getByRole('option', { name: /^Poste de coworking 1/ }).click();
  const arrive = page.getByRole('button', { name: `Enregistrer l’arrivée de ${member}` });
  expect((await arrive.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await arrive.click();
  await expect(
    page.getByText(new RegExp(`${member} est enregistré·e \\(arrivée à \\d\\d:\\d\\d\\)`)),
  ).toBeVisible();

  const today = page.getByRole('list', { name: 'Arrivées du jour' });
  const arrival = today.getByRole('listitem').filter({ hasText: member });
  await expect(arrival).toContainText('Poste de coworking 1');
  await expect(arrival).toContainText('0 journée restante');
  await expect(meter).toHaveAttribute('aria-valuetext', `Présences : ${before + 1} pour 2 postes`);
  await expect(page.getByText(`${before + 1} / 2`, { exact: true })).toBeVisible();
  await expect(pass).toContainText('Arrivé·e à');

  // Again the same day: refused, nothing counted twice.
  await arrive.click();
  await expect(pass.getByRole('alert')).toContainText('déjà enregistré aujourd’hui');
  await expect(pass.getByRole('button', { name: /Vendre un nouveau pass/ })).toHaveCount(0);
  await expect(meter).toHaveAttribute('aria-valuetext', `Présences : ${before + 1} pour 2 postes`);

  // Hugo's carnet is spent: the refusal says so and offers a new pass in his name.
  const search = page.getByRole('searchbox', { name: 'Rechercher un membre' });
  await search.fill('Hugo L.');
  const hugo = passes.getByRole('listitem').filter({ hasText: 'Hugo L.' });
  await expect(hugo).toContainText('Épuisé');
  await expect(passes.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Enregistrer l’arrivée de Hugo L.' }).click();
  await expect(hugo.getByRole('alert')).toContainText(
    'Il ne reste aucune journée sur ce pass : proposez-en un nouveau.',
  );
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await hugo.getByRole('button', { name: 'Vendre un nouveau pass à Hugo L.' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Nom du membre' })).toHaveValue('Hugo L.');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(meter).toHaveAttribute('aria-valuetext', `Présences : ${before + 1} pour 2 postes`);

  // The arrival was a mistake: undone after confirming, the day goes back on the pass.
  await page.getByRole('button', { name: `Annuler l’arrivée de ${member}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Annuler l’arrivée de ${member} ?` });
  await expect(confirm).toContainText('rendue sur son pass');
  await confirm.getByRole('button', { name: 'Annuler l’arrivée' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(today.getByRole('listitem').filter({ hasText: member })).toHaveCount(0);
  await expect(meter).toHaveAttribute('aria-valuetext', `Présences : ${before} pour 2 postes`);
  await search.fill(member);
  await expect(pass).toContainText('1 journée restante');
  await expect(pass).toContainText('Utilisable');
  expect(await checkedInToday(page, centreId)).toBe(before);

  // Sold by mistake after all: cancelled after confirming, it can no longer be used.
  await page.getByRole('button', { name: `Annuler le pass de ${member}` }).click();
  const cancel = page.getByRole('alertdialog', { name: `Annuler le pass de ${member} ?` });
  await cancel.getByRole('button', { name: 'Annuler le pass' }).click();
  await expect(cancel).toHaveCount(0);
  await expect(pass).toContainText('Annulé');
  await expect(
    page.getByRole('button', { name: `Enregistrer l’arrivée de ${member}` }),
  ).toHaveCount(0);
});
