import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/*
 * A manager runs an event: creates it on a room booked for it, fills it past its capacity at
 * the desk, cancels a registration and sees the waiting list promote the next person, then
 * marks attendance at the door on a 360 px phone. Every run books its own room, so the desktop
 * and phone runs (and the other journeys) never meet.
 */

const PASSWORD = 'lakou-demo-2026';
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: '07:00',
  closes: '22:00',
}));

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    // React Aria's live announcer keeps announcements whose source is gone; not part of the page.
    .exclude('[data-live-announcer]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

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

function post(page: Page, path: string, data: unknown) {
  return page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
}

async function villageChinois(page: Page): Promise<string> {
  const res = await page.request.get('/api/centres?pageSize=100');
  const { items } = (await res.json()) as { items: { id: string; name: string }[] };
  const centre = items.find((c) => c.name.includes('Village Chinois'));
  expect(centre).toBeDefined();
  return centre?.id ?? '';
}

/** A day `days` ahead, as YYYY-MM-DD (the booking's offset makes it Cayenne's day). */
function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Books a room of its own in the next weeks (on the first day that is not a closure of the
 * centre) and returns the booking's purpose.
 */
async function bookRoom(page: Page, centreId: string): Promise<string> {
  const room = await post(page, '/api/resources', {
    centreId,
    kind: 'room',
    name: unique('Salle Wapa'),
    capacity: 20,
    bookableHours: allWeek,
    tariff: {
      hourlyCents: { member: 0, qpv_resident: 0, association: 0, company: 0 },
      flatFeeCents: 0,
    },
  });
  expect(room.status(), await room.text()).toBe(201);
  const resourceId = ((await room.json()) as { id: string }).id;
  const purpose = unique('Atelier couture');
  for (let days = 10; days < 25; days++) {
    const day = dayAhead(days);
    const res = await post(page, '/api/bookings', {
      resourceId,
      start: `${day}T14:00:00-03:00`,
      end: `${day}T16:00:00-03:00`,
      organiser: { kind: 'user', name: 'Georges Gestionnaire' },
      purpose,
      headcount: 10,
      audience: 'centre_programme',
    });
    if (res.status() === 201) return purpose;
    // A closure of the centre that day: try the next one.
    expect(res.status(), await res.text()).toBe(422);
  }
  throw new Error('no free day to book');
}

async function registerAtDesk(page: Page, name: string) {
  const desk = page.getByRole('region', { name: 'Inscrire une personne à l’accueil' });
  await desk.getByRole('textbox', { name: 'Nom ou initiales' }).fill(name);
  await desk.getByRole('button', { name: 'Inscrire' }).click();
  await expect(desk.getByRole('textbox', { name: 'Nom ou initiales' })).toHaveValue('');
}

test('a manager fills an event past capacity, cancels a registration, sees the waiting list move up and marks attendance', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signInAsManager(page);
  const centreId = await villageChinois(page);
  const purpose = await bookRoom(page, centreId);
  const title = unique('Atelier réparation');

  // From the centre's page to its events.
  await page.goto(`/centres/${centreId}`);
  await page.getByRole('main').getByRole('link', { name: 'Événements', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Événements — / })).toBeVisible();

  // « Nouvel événement »: nothing filled in gives French messages on the fields.
  await page.getByRole('button', { name: 'Nouvel événement' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel événement' });
  await dialog.getByRole('button', { name: 'Créer l’événement' }).click();
  await expect(dialog.getByText('Choisissez au moins une réservation.')).toBeVisible();
  await expect(dialog.getByText('Choisissez le type d’événement.')).toBeVisible();
  await expect(dialog.getByText('Indiquez un nombre de places entier, au moins 1.')).toBeVisible();

  await dialog.getByRole('searchbox', { name: /Rechercher une réservation/ }).fill(purpose);
  await expect(dialog.getByText('1 réservation proposée')).toBeVisible();
  const booking = dialog.getByRole('checkbox', { name: new RegExp(purpose) });
  await booking.focus();
  await page.keyboard.press('Space');
  await expect(booking).toBeChecked();
  // The booking's purpose becomes the title; a title of our own replaces it.
  await expect(dialog.getByRole('textbox', { name: 'Titre' })).toHaveValue(purpose);
  await dialog.getByRole('textbox', { name: 'Titre' }).fill(title);
  await dialog.getByRole('button', { name: /Type d’événement/ }).click();
  await page.getByRole('option', { name: 'Atelier', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Nombre de places' }).fill('2');
  await dialog.getByText('Se vêtir', { exact: true }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Se vêtir' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Créer l’événement' }).click();

  // Straight to the new event's page.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('14:00 – 16:00').first()).toBeVisible();
  await expect(page.getByText('0 / 2 places prises').first()).toBeVisible();

  // Three people at the desk for two places: the third waits.
  const alice = unique('Alice');
  const bruno = unique('Bruno');
  const chloe = unique('Chloé');
  await registerAtDesk(page, alice);
  await expect(page.getByText(`${alice} est inscrit·e.`)).toBeVisible();
  await registerAtDesk(page, bruno);
  await registerAtDesk(page, chloe);
  await expect(
    page.getByText(`L’événement est complet : ${chloe} est en liste d’attente (n° 1).`),
  ).toBeVisible();

  const waiting = page.getByRole('list', { name: 'Liste d’attente, dans l’ordre' });
  await expect(waiting.getByRole('listitem')).toHaveCount(1);
  await expect(waiting.getByRole('listitem').first()).toContainText('N° 1');
  await expect(waiting.getByRole('listitem').first()).toContainText(chloe);
  await expect(page.getByText('2 / 2 places prises').first()).toBeVisible();

  // Alice cannot come: cancelling her registration lets Chloé in at once.
  await page.getByRole('button', { name: `Annuler l’inscription de ${alice}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Annuler l’inscription de ${alice} ?` });
  await expect(confirm).toContainText('la liste d’attente avance aussitôt');
  await confirm.getByRole('button', { name: 'Annuler l’inscription' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: `Inscrit·e depuis la liste d’attente : ${chloe}.` }),
  ).toBeVisible();
  await expect(page.getByText('Personne n’attend.')).toBeVisible();
  await expect(page.getByRole('group', { name: `Présence de ${chloe}` })).toBeVisible();
  await expect(page.getByRole('group', { name: `Présence de ${alice}` })).toHaveCount(0);

  // At the door, on a small phone: one tap per person, big targets, no sideways scrolling.
  await page.setViewportSize({ width: 360, height: 740 });
  const brunoPresent = page
    .getByRole('group', { name: `Présence de ${bruno}` })
    .getByRole('button', { name: 'Présent·e' });
  const box = await brunoPresent.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await brunoPresent.click();
  await expect(brunoPresent).toHaveAttribute('aria-pressed', 'true');
  const chloeAbsent = page
    .getByRole('group', { name: `Présence de ${chloe}` })
    .getByRole('button', { name: 'Absent·e' });
  await chloeAbsent.click();
  await expect(chloeAbsent).toHaveAttribute('aria-pressed', 'true');
  const overflow = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    wide: Array.from(document.querySelectorAll('main *'))
      .filter((el) => el.getBoundingClientRect().right > 361)
      .slice(0, 5)
      .map((el) => `${el.tagName}.${el.className}`),
  }));
  expect(overflow.wide).toEqual([]);
  expect(overflow.width).toBeLessThanOrEqual(360);

  // Two more came without registering.
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  await expect(page.getByText('Enregistré : 2 personnes sans inscription.')).toBeVisible();

  // All of it was saved.
  await page.reload();
  await expect(
    page
      .getByRole('group', { name: `Présence de ${bruno}` })
      .getByRole('button', { name: 'Présent·e' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page
      .getByRole('group', { name: `Présence de ${chloe}` })
      .getByRole('button', { name: 'Absent·e' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.getByRole('textbox', { name: 'Nombre de personnes sans inscription' }),
  ).toHaveValue('2');
  await expect(page.getByText('Total présent : 3 personnes.')).toBeVisible();
  await expectNoAxeViolations(page);
});
