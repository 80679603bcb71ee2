import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/*
 * Recurring bookings and the approval queue, as a manager uses them. Each test works on rooms it
 * creates itself (through the API), in June 2027, in Mont-Lucas and Kourou (the other journeys
 * add their rooms to Village Chinois, whose timeline they drag on), so no two runs ever meet.
 */

const PASSWORD = 'lakou-demo-2026';
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: '07:00',
  closes: '22:00',
}));

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // Password hashing is slow on a busy machine.
  await expect(page).toHaveURL(/\/$/, { timeout: 15_000 });
}

async function centreNamed(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.get('/api/centres?pageSize=100');
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: { id: string; name: string }[] };
  const centre = items.find((c) => c.name.includes(name));
  expect(centre, name).toBeDefined();
  return centre?.id ?? '';
}

/** A POST through the page's session, from the hub's own origin (the API's CSRF check). */
function post(page: Page, path: string, data: unknown) {
  return page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
}

async function createRoom(page: Page, centreId: string, name: string, requiresApproval = false) {
  const res = await post(page, '/api/resources', {
    centreId,
    kind: 'room',
    name,
    capacity: 12,
    bookableHours: allWeek,
    requiresApproval,
    tariff: {
      hourlyCents: { member: 1000, qpv_resident: 500, association: 800, company: 2000 },
      flatFeeCents: 0,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function book(
  page: Page,
  resourceId: string,
  start: string,
  end: string,
  purpose: string,
  audience = 'centre_programme',
) {
  const res = await post(page, '/api/bookings', {
    resourceId,
    start,
    end,
    organiser: { kind: 'partner', name: 'Association Kaz à vélo' },
    purpose,
    headcount: 6,
    audience,
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; status: string };
}

function uniqueName(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-live-announcer]')
    // FullCalendar's own grid markup is not ours to fix here.
    .exclude('.hub-agenda__calendar')
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('a manager books a weekly series, skips the occurrences in conflict, then cancels the end of it', async ({
  page,
}) => {
  // A long journey: a series created, checked by axe, then partly cancelled.
  test.slow();
  await signIn(page, 'gestion@lakou.test');
  const centreId = await centreNamed(page.request, 'Mont-Lucas');
  const room = uniqueName('Salle Awara');
  const resourceId = await createRoom(page, centreId, room);
  // Two bookings in the way of the series (Tuesdays 10:00–11:30 from 1 June 2027, six times).
  const atelier = uniqueName('Atelier vélo');
  const permanence = uniqueName('Permanence MSA');
  await book(page, resourceId, '2027-06-15T10:30:00-03:00', '2027-06-15T11:30:00-03:00', atelier);
  await book(
    page,
    resourceId,
    '2027-06-29T09:00:00-03:00',
    '2027-06-29T10:15:00-03:00',
    permanence,
  );

  await page.goto(`/centres/${centreId}/agenda?date=2027-06-01`);
  await page.getByRole('button', { name: 'Réservation récurrente' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle réservation récurrente' });
  await dialog.getByRole('button', { name: /Ressource$/ }).click();
  await page.getByRole('option', { name: room }).click();
  await dialog.getByLabel('Date de la première occurrence').fill('2027-06-01');
  await dialog.getByLabel('Heure de début').fill('10:00');
  await dialog.getByRole('textbox', { name: 'Durée (minutes)' }).fill('90');
  await expect(dialog.getByRole('checkbox', { name: 'mardi' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'lundi' })).not.toBeChecked();
  await dialog.getByRole('textbox', { name: 'Nombre d’occurrences' }).fill('6');
  await expect(dialog).toContainText(
    'Règle : Chaque semaine, le mardi, de 10:00 à 11:30, à partir du mardi 1 juin 2027, 6 fois.',
  );
  const purpose = uniqueName('Atelier numérique');
  await dialog.getByRole('textbox', { name: 'Objet' }).fill(purpose);
  await dialog.getByRole('textbox', { name: 'Nombre de personnes' }).fill('8');

  await dialog.getByRole('button', { name: 'Vérifier' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'Libres : 4 · En conflit : 2 · Indisponibles : 0 · Sautées : 0',
  );
  // Exactly the two occurrences in the way are flagged, each naming the booking that holds it.
  const skips = dialog.getByRole('checkbox', { name: /^Sauter l’occurrence du/ });
  await expect(skips).toHaveCount(2);
  const conflicts = dialog.locator('li[data-verdict="conflict"]');
  await expect(conflicts).toHaveCount(2);
  await expect(conflicts.nth(0)).toContainText('mardi 15 juin 2027, 10:00 – 11:30');
  await expect(conflicts.nth(0)).toContainText(`Chevauche la réservation « ${atelier} »`);
  await expect(conflicts.nth(1)).toContainText('mardi 29 juin 2027, 10:00 – 11:30');
  await expect(conflicts.nth(1)).toContainText(`Chevauche la réservation « ${permanence} »`);
  await expect(dialog.locator('li[data-verdict="free"]')).toHaveCount(4);
  const create = dialog.getByRole('button', { name: 'Créer la série' });
  await expect(create).toBeDisabled();
  await expect(dialog).toContainText('2 occurrences en conflit ne sont pas cochées');

  // Ticked from the keyboard, as a screen-reader user would.
  for (const day of ['mardi 15 juin 2027', 'mardi 29 juin 2027']) {
    const skip = dialog.getByRole('checkbox', { name: `Sauter l’occurrence du ${day}` });
    await skip.focus();
    await page.keyboard.press('Space');
    await expect(skip).toBeChecked();
  }
  await expectNoAxeViolations(page);
  await create.click();
  // One transaction books every occurrence: give it time on a busy machine.
  await expect(page.getByText(`Série « ${purpose} » créée : 4 réservations`)).toBeVisible({
    timeout: 15_000,
  });
  await expect(dialog).toHaveCount(0);

  // On the calendar: 1 June holds the series, 15 June only the booking that was there.
  await expect(page.getByText(purpose).first()).toBeVisible();
  const listed = await page.request.get(
    `/api/bookings?resourceId=${resourceId}&from=2027-06-01T00:00:00-03:00&to=2027-07-31T00:00:00-03:00&pageSize=100`,
  );
  const { items } = (await listed.json()) as {
    items: { purpose: string; start: string; seriesId: string | null }[];
  };
  expect(items.filter((b) => b.purpose === purpose).map((b) => b.start)).toEqual([
    '2027-06-01T13:00:00.000Z',
    '2027-06-08T13:00:00.000Z',
    '2027-06-22T13:00:00.000Z',
    '2027-07-06T13:00:00.000Z',
  ]);
  await page.goto(`/centres/${centreId}/agenda?date=2027-06-15`);
  await expect(page.getByText(atelier).first()).toBeVisible();
  await expect(page.getByText(purpose)).toHaveCount(0);

  // Cancelling from 22 June on: this one and the following ones.
  await page.goto(`/centres/${centreId}/agenda?date=2027-06-22`);
  await page.getByText(purpose).first().click();
  const details = page.getByRole('dialog', { name: purpose });
  await expect(details).toContainText('fait partie d’une série récurrente');
  await details.getByRole('button', { name: 'Annuler…' }).click();
  await details.getByRole('radio', { name: 'Celle-ci et les suivantes' }).check();
  await details.getByRole('textbox', { name: 'Motif de l’annulation' }).fill('Fin du module');
  await details.getByRole('button', { name: 'Continuer' }).click();
  await expect(details).toContainText(
    'L’occurrence du mardi 22 juin 2027, 10:00 – 11:30 et toutes les suivantes encore actives seront annulées.',
  );
  await details.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(page.getByText('2 réservations annulées')).toBeVisible();
  await expect(page.getByText(purpose)).toHaveCount(0);
  await page.goto(`/centres/${centreId}/agenda?date=2027-06-08`);
  await expect(page.getByText(purpose).first()).toBeVisible();
});

test('a slot picked on the timeline becomes the first occurrence of a series @desktop-only', async ({
  page,
}) => {
  await signIn(page, 'gestion@lakou.test');
  const centreId = await centreNamed(page.request, 'Mont-Lucas');
  const room = uniqueName('Salle Wapa');
  await createRoom(page, centreId, room);
  await page.goto(`/centres/${centreId}/agenda?date=2027-06-02`);

  // Other journeys add rooms to this centre too: bring this one's row into view first.
  const rowHeader = page.getByRole('rowheader', { name: room });
  await rowHeader.scrollIntoViewIfNeeded();
  const row = await rowHeader.boundingBox();
  // The left edge of the header cell holding an hour's label (the label itself is padded).
  const hourStart = (label: string) =>
    page
      .getByText(label, { exact: true })
      .first()
      .evaluate((el) => {
        const labelWidth = el.getBoundingClientRect().width;
        let node: HTMLElement | null = el as HTMLElement;
        while (node && node.getBoundingClientRect().width < labelWidth + 16)
          node = node.parentElement;
        return (node ?? el).getBoundingClientRect().left;
      });
  const from = await hourStart('14 h');
  const to = await hourStart('15 h');
  if (!row) throw new Error('timeline not laid out');
  const y = row.y + row.height / 2;
  // 14:00 → 15:00: the selection ends with the 15-minute cell under the pointer.
  await page.mouse.move(from + 4, y);
  await page.mouse.down();
  await page.mouse.move((from + to) / 2, y, { steps: 4 });
  await page.mouse.move(to - 6, y, { steps: 4 });
  await page.mouse.up();

  const booking = page.getByRole('dialog', { name: 'Nouvelle réservation' });
  await expect(booking).toContainText('mercredi 2 juin 2027, 14:00 – 15:00');
  const purpose = uniqueName('Cours de créole');
  await booking.getByRole('textbox', { name: 'Objet' }).fill(purpose);
  await booking.getByRole('button', { name: 'Rendre récurrente…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Nouvelle réservation récurrente' });
  await expect(dialog.getByRole('button', { name: /Ressource$/ })).toContainText(room);
  await expect(dialog.getByLabel('Date de la première occurrence')).toHaveValue('2027-06-02');
  await expect(dialog.getByLabel('Heure de début')).toHaveValue('14:00');
  await expect(dialog.getByRole('textbox', { name: 'Durée (minutes)' })).toHaveValue('60');
  await expect(dialog.getByRole('textbox', { name: 'Objet' })).toHaveValue(purpose);
  await expect(dialog).toContainText(
    'Règle : Chaque semaine, le mercredi, de 14:00 à 15:00, à partir du mercredi 2 juin 2027, 10 fois.',
  );
  await dialog.getByRole('textbox', { name: 'Nombre d’occurrences' }).fill('3');
  await dialog.getByRole('button', { name: 'Vérifier' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'Libres : 3 · En conflit : 0 · Indisponibles : 0 · Sautées : 0',
  );
  // A change after the check asks for a new one before anything is booked.
  await dialog.getByRole('textbox', { name: 'Nombre d’occurrences' }).fill('2');
  await expect(dialog.getByRole('alert')).toContainText('Le formulaire a changé');
  await expect(dialog.getByRole('button', { name: 'Créer la série' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Vérifier' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'Libres : 2 · En conflit : 0 · Indisponibles : 0 · Sautées : 0',
  );
  await dialog.getByRole('button', { name: 'Créer la série' }).click();
  await expect(page.getByText(`Série « ${purpose} » créée : 2 réservations`)).toBeVisible();
  await expect(page.getByText(purpose).first()).toBeVisible();
});

test('a requested booking waits in the approval queue until an administrator approves it; another is refused', async ({
  page,
}) => {
  // Three people sign in one after the other, and axe checks the queue.
  test.slow();
  // An administrator sets up a room that needs approval in Kourou…
  await signIn(page, 'admin@lakou.test');
  const centreId = await centreNamed(page.request, 'Kourou');
  const room = uniqueName('Salle Carapa');
  const resourceId = await createRoom(page, centreId, room, true);

  // …which the reception staff of Kourou books: their bookings wait for approval.
  await page.context().clearCookies();
  await signIn(page, 'accueil.kourou@lakou.test');
  const approved = uniqueName('Réunion parents');
  const refused = uniqueName('Répétition chorale');
  const first = await book(
    page,
    resourceId,
    '2027-06-03T14:00:00-03:00',
    '2027-06-03T15:30:00-03:00',
    approved,
    'association',
  );
  expect(first.status).toBe('requested');
  await book(page, resourceId, '2027-06-04T09:00:00-03:00', '2027-06-04T10:00:00-03:00', refused);
  // Staff may book, not approve.
  await page.goto(`/centres/${centreId}/approvals`);
  await expect(page.getByRole('heading', { name: 'Accès non autorisé' })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, 'admin@lakou.test');
  await page.goto(`/centres/${centreId}`);
  await page.getByRole('main').getByRole('link', { name: 'Demandes à valider' }).click();
  await expect(page).toHaveURL(new RegExp(`/centres/${centreId}/approvals`));
  await expect(
    page.getByRole('heading', { level: 1, name: /^Demandes à valider — / }),
  ).toBeVisible();

  const request = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: approved }) });
  await expect(request).toContainText('jeudi 3 juin 2027, 14:00 – 15:30');
  await expect(request).toContainText(room);
  await expect(request).toContainText('Association Kaz à vélo (Partenaire)');
  await expect(request).toContainText('6');
  await expect(request).toContainText('12,00 €');
  await expectNoAxeViolations(page);
  await request.getByRole('button', { name: `Valider « ${approved} »` }).click();
  await expect(page.getByText(`Réservation « ${approved} » validée`)).toBeVisible();
  await expect(page.getByRole('heading', { name: approved })).toHaveCount(0);

  // Refusing asks why, and for confirmation.
  await page.getByRole('button', { name: `Refuser « ${refused} »` }).click();
  const dialog = page.getByRole('dialog', { name: 'Refuser la demande' });
  await expect(dialog).toContainText('vendredi 4 juin 2027, 09:00 – 10:00');
  const confirm = dialog.getByRole('button', { name: 'Refuser la demande' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Motif du refus' }).fill('Salle réservée aux familles');
  await confirm.click();
  await expect(page.getByText(`Demande « ${refused} » refusée`)).toBeVisible();
  await expect(page.getByRole('heading', { name: refused })).toHaveCount(0);

  const after = await page.request.get(`/api/bookings?resourceId=${resourceId}&pageSize=10`);
  const { items } = (await after.json()) as {
    items: { purpose: string; status: string; cancelReason: string | null }[];
  };
  expect(items.map((b) => [b.purpose, b.status, b.cancelReason])).toEqual([
    [approved, 'confirmed', null],
    [refused, 'cancelled', 'Salle réservée aux familles'],
  ]);
});
