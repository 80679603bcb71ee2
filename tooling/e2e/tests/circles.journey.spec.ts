import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/*
 * A facilitator runs a restorative circle case from intake to closing: three people with their
 * roles and consent, their pre-circles booked in free slots the availability search proposes
 * (one of them moved to another slot), the circle, two agreements, the post-circle that
 * evaluates them. The centre's manager then sees the rooms taken that day as « Cercle
 * (confidentiel) », and never a name. The day is about three months ahead, on a Wednesday, so
 * nothing else of the demo network collides; each run starts from a fresh database.
 * Desktop only: the desktop and phone runs would share the one demo facilitator, whose
 * sessions may never overlap; the case page is checked at 360 px within the journey.
 */

const PASSWORD = 'lakou-demo-2026';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .exclude('[data-live-announcer]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** A Wednesday about three months ahead, as YYYY-MM-DD. */
function dayInThreeMonths(weeksLater = 0): string {
  const day = new Date(Date.now() + (90 + 7 * weeksLater) * 86_400_000);
  while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function currentStep(page: Page): Locator {
  return page
    .getByRole('navigation', { name: 'Étapes du dossier' })
    .locator('[aria-current="step"]');
}

async function moveTo(page: Page, stage: string) {
  const button = page.getByRole('button', { name: `Passer à l’étape « ${stage} »` });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(currentStep(page)).toContainText(stage);
}

/** Opens « Planifier une séance », searches the day and books the first free slot proposed. */
async function schedule(page: Page, day: string, people: string[] = []) {
  await page.getByRole('button', { name: 'Planifier une séance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Planifier une séance' });
  await dialog.getByLabel('Jour').fill(day);
  await dialog.getByRole('button', { name: 'Chercher les créneaux libres' }).click();
  const slot = dialog.getByRole('radio').first();
  await expect(slot).toBeVisible({ timeout: 15_000 });
  await slot.check();
  for (const person of people) {
    await dialog.getByText(new RegExp(`^${person} \\(`)).click();
    await expect(
      dialog.getByRole('checkbox', { name: new RegExp(`^${person} \\(`) }),
    ).toBeChecked();
  }
  await dialog.getByRole('button', { name: 'Planifier', exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function markFirstHeld(page: Page, kind: string) {
  const held = page.getByRole('button', { name: new RegExp(`^Tenue : ${kind},`) }).first();
  const before = await page.getByText('Séance tenue', { exact: true }).count();
  await held.click();
  await expect(page.getByText('Séance tenue', { exact: true })).toHaveCount(before + 1);
}

test('a facilitator takes a case from intake to closing; the manager sees only « Cercle (confidentiel) » @desktop-only', async ({
  page,
}) => {
  test.slow();
  test.setTimeout(240_000);
  const day = dayInThreeMonths();
  const people = [
    { pseudonym: 'Maya K.', role: 'auteur' },
    { pseudonym: 'Théo R.', role: 'receveur' },
    { pseudonym: 'Nadia B.', role: 'communauté' },
  ];

  await signIn(page, 'facilitation@lakou.test');
  await page.getByRole('link', { name: 'Cercles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cercles restauratifs' })).toBeVisible();

  // « Ouvrir un dossier »: the facilitator's one centre is chosen already.
  await page
    .getByRole('textbox', { name: 'Description courte' })
    .fill('Dispute autour des parcelles du jardin partagé');
  await page.getByRole('button', { name: 'Ouvrir un dossier' }).click();
  await expect(page).toHaveURL(/\/circles\/[0-9a-f-]{36}$/);
  const heading = page.getByRole('heading', { level: 1, name: /^Dossier CR-\d{4}-\d+$/ });
  await expect(heading).toBeVisible();
  const caseUrl = page.url();
  await expect(currentStep(page)).toContainText('Accueil');
  // The domain says what is missing before anyone clicks.
  await expect(
    page.getByRole('button', { name: 'Passer à l’étape « Pré-cercles »' }),
  ).toBeDisabled();
  await expect(
    page.getByText('Pas encore : Ajoutez au moins une personne avant les pré-cercles.'),
  ).toBeVisible();

  const addForm = page.getByRole('form', { name: 'Ajouter une personne' });
  for (const person of people) {
    await addForm.getByRole('textbox', { name: 'Pseudonyme ou initiales' }).fill(person.pseudonym);
    await addForm.getByRole('button', { name: /Rôle/ }).click();
    await page.getByRole('option', { name: person.role, exact: true }).click();
    await addForm.getByRole('textbox', { name: 'Contact' }).fill('0694 00 00 00');
    await addForm.getByRole('button', { name: 'Ajouter' }).click();
    await expect(page.getByText(`${person.pseudonym}`, { exact: true })).toBeVisible();
    await expect(addForm.getByRole('textbox', { name: 'Pseudonyme ou initiales' })).toHaveValue('');
  }
  for (const person of people) {
    await page.getByRole('button', { name: `A accepté : ${person.pseudonym}` }).click();
    await expect(page.getByRole('button', { name: `A accepté : ${person.pseudonym}` })).toHaveCount(
      0,
    );
  }
  await expect(page.getByText(/^Réponse : a accepté le .* \(noté par /)).toHaveCount(3);

  await moveTo(page, 'Pré-cercles');
  await expect(page.getByRole('button', { name: 'Passer à l’étape « Cercle »' })).toBeDisabled();
  await expect(page.getByText(/Pas encore : 3 personne\(s\) invitée\(s\)/)).toBeVisible();

  // One pre-circle each, in slots the availability search proposes for that day.
  for (const person of people) await schedule(page, day, [person.pseudonym]);
  // A second pre-circle with Maya, then « Annuler » after confirming: the room is freed.
  await schedule(page, day, ['Maya K.']);
  await expect(page.getByText('Planifiée', { exact: true })).toHaveCount(4);
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Avec Maya K.' })
    .last()
    .getByRole('button', { name: /^Annuler : Pré-cercle,/ })
    .click();
  const confirm = page.getByRole('alertdialog', { name: 'Annuler la séance ?' });
  await confirm.getByRole('button', { name: 'Annuler la séance' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Annulée', { exact: true })).toHaveCount(1);
  await expect(page.getByText('Planifiée', { exact: true })).toHaveCount(3);

  // « Déplacer »: another free slot of the same room.
  const moveButton = page.getByRole('button', { name: /^Déplacer : Pré-cercle,/ }).first();
  const before = (await moveButton.getAttribute('aria-label')) ?? '';
  await moveButton.click();
  const moveDialog = page.getByRole('dialog', { name: 'Déplacer la séance' });
  await expect(moveDialog.getByLabel('Jour')).toHaveValue(day);
  await moveDialog.getByRole('button', { name: 'Chercher les créneaux libres' }).click();
  await moveDialog.getByRole('radio').last().check();
  await moveDialog.getByRole('button', { name: 'Déplacer', exact: true }).click();
  await expect(moveDialog).toBeHidden();
  await expect(page.getByRole('button', { name: before })).toHaveCount(0);

  for (let i = 0; i < 3; i++) await markFirstHeld(page, 'Pré-cercle');

  await moveTo(page, 'Cercle');
  await schedule(page, day);
  await markFirstHeld(page, 'Cercle');

  const agreements = [
    { what: 'Rendre les outils empruntés', owner: 'Maya K.' },
    { what: 'Replanter la bordure abîmée', owner: 'Nadia B.' },
  ];
  const agreementForm = page.getByRole('form', { name: 'Noter un accord' });
  for (const a of agreements) {
    await agreementForm.getByRole('textbox', { name: 'Action convenue' }).fill(a.what);
    await agreementForm
      .getByRole('textbox', { name: 'Qui s’en charge (pseudonyme)' })
      .fill(a.owner);
    await agreementForm.getByLabel('Pour le').fill(day);
    await agreementForm.getByRole('button', { name: 'Noter l’accord' }).click();
    await expect(page.getByText(a.what, { exact: true })).toBeVisible();
  }

  await moveTo(page, 'Post-cercle');
  await schedule(page, day);
  await markFirstHeld(page, 'Post-cercle');
  await expect(page.getByRole('button', { name: 'Passer à l’étape « Clos »' })).toBeDisabled();
  await expect(
    page.getByText('Pas encore : 2 accord(s) n’ont pas encore été évalués au post-cercle.'),
  ).toBeVisible();

  // With its forms open (consent, agreements to evaluate), the page passes axe too.
  await expectNoAxeViolations(page);

  for (const [i, a] of agreements.entries()) {
    const outcome = i === 0 ? 'fait' : 'en partie';
    await page
      .getByRole('group', { name: `Évaluation de « ${a.what} »` })
      .getByRole('radio', { name: outcome, exact: true })
      .check();
    await page
      .getByRole('textbox', { name: `Note sur « ${a.what} »` })
      .fill('Vu ensemble au post-cercle');
    await page.getByRole('button', { name: `Évaluer « ${a.what} »` }).click();
    await expect(
      page.getByText(`Évaluation : ${outcome} — Vu ensemble au post-cercle`),
    ).toBeVisible();
  }

  await moveTo(page, 'Clos');
  await expect(page.getByRole('button', { name: 'Abandonner' })).toHaveCount(0);
  await expect(page.getByText('Séance tenue', { exact: true })).toHaveCount(5);
  await expectNoAxeViolations(page);

  // Usable on a 360 px phone: nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(heading).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
  ).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The centre's manager: the rooms are taken, by « Cercle (confidentiel) », no name at all.
  await page.context().clearCookies();
  await signIn(page, 'gestion@lakou.test');
  // No « Cercles » for a manager: circles are the facilitators' matter.
  await expect(page.getByRole('link', { name: 'Réseau' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cercles' })).toHaveCount(0);
  const centres = await page.request.get('/api/centres?pageSize=100');
  const { items } = (await centres.json()) as { items: { id: string; slug: string }[] };
  const centreId = items.find((c) => c.slug === 'cayenne-village-chinois')?.id ?? '';
  expect(centreId).not.toBe('');
  await page.goto(`/centres/${centreId}/agenda?date=${day}`);
  await expect(page.getByText('Cercle (confidentiel)').first()).toBeVisible();
  expect(await page.getByText('Cercle (confidentiel)').count()).toBeGreaterThanOrEqual(5);
  for (const person of people) await expect(page.getByText(person.pseudonym)).toHaveCount(0);
  // And the case itself is no business of theirs: a neutral « Dossier introuvable ».
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier introuvable' })).toBeVisible();
});

test('on a 360 px phone a facilitator opens a case and abandons it with a reason', async ({
  page,
}) => {
  // Two accessibility scans on a phone: 28 s in CI, too close to the 30 s default.
  test.slow();
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'facilitation@lakou.test');
  await page.goto('/circles');
  await expect(page.getByRole('heading', { level: 1, name: 'Cercles restauratifs' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mes dossiers' })).toBeVisible();
  await expectNoAxeViolations(page);
  // The table of cases scrolls inside its card: the page itself never scrolls sideways.
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
  ).toBe(true);
  expect(await page.evaluate(() => window.innerWidth)).toBe(360);

  await page
    .getByRole('textbox', { name: 'Description courte' })
    .fill('Tensions à l’accueil entre deux usagers');
  await page.getByRole('button', { name: 'Ouvrir un dossier' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^Dossier CR-\d{4}-\d+$/ });
  await expect(heading).toBeVisible();
  const reference = ((await heading.textContent()) ?? '').replace('Dossier ', '');
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
  ).toBe(true);

  // The scheduling dialog fits a phone too: a person, a day, the free slots proposed.
  const addForm = page.getByRole('form', { name: 'Ajouter une personne' });
  await addForm.getByRole('textbox', { name: 'Pseudonyme ou initiales' }).fill('J. L.');
  await addForm.getByRole('button', { name: /Rôle/ }).click();
  await page.getByRole('option', { name: 'receveur', exact: true }).click();
  await addForm.getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByText('J. L.', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Planifier une séance' }).click();
  const plan = page.getByRole('dialog', { name: 'Planifier une séance' });
  // A week after the long journey's day, which its sessions fill for this facilitator.
  await plan.getByLabel('Jour').fill(dayInThreeMonths(1));
  await plan.getByRole('button', { name: 'Chercher les créneaux libres' }).click();
  await expect(plan.getByRole('radio').first()).toBeVisible({ timeout: 15_000 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
  ).toBe(true);
  await expectNoAxeViolations(page);
  await plan.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(plan).toBeHidden();

  await page.getByRole('button', { name: 'Abandonner' }).click();
  const dialog = page.getByRole('dialog', { name: `Abandonner le dossier ${reference}` });
  await dialog.getByRole('button', { name: 'Confirmer l’abandon' }).click();
  // The domain's own words, before anything is sent.
  await expect(dialog.getByText('Indiquez pourquoi le dossier est abandonné.')).toBeVisible();
  await dialog
    .getByRole('textbox', { name: 'Raison de l’abandon' })
    .fill('Les personnes ont trouvé un accord entre elles');
  await dialog.getByRole('button', { name: 'Confirmer l’abandon' }).click();
  await expect(dialog).toBeHidden();
  await expect(currentStep(page)).toContainText('Abandonné');
  await expect(
    page.getByText('Dossier abandonné : Les personnes ont trouvé un accord entre elles'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Abandonner' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Mes cercles' }).click();
  await expect(
    page.getByRole('row').filter({ hasText: reference }).getByRole('cell').first(),
  ).toHaveText('Abandonné');
});
