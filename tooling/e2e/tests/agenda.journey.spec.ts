import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/*
 * The agenda of a centre, as its manager uses it: each test books its own room (created through
 * the API) on a fixed Tuesday, so the desktop and phone runs never meet.
 */

const PASSWORD = 'lakou-demo-2026';
const DAY = '2027-03-09';
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: '07:00',
  closes: '22:00',
}));

async function signInAsManager(page: Page, email = 'gestion@lakou.test') {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function villageChinois(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/centres?pageSize=100');
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: { id: string; name: string }[] };
  const centre = items.find((c) => c.name.includes('Village Chinois'));
  expect(centre).toBeDefined();
  return centre?.id ?? '';
}

/** A POST through the page's session, from the hub's own origin (the API's CSRF check). */
function post(page: Page, path: string, data: unknown) {
  return page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
}

async function createRoom(page: Page, centreId: string, name: string) {
  const res = await post(page, '/api/resources', {
    centreId,
    kind: 'room',
    name,
    capacity: 12,
    bookableHours: allWeek,
    tariff: {
      hourlyCents: { member: 1000, qpv_resident: 500, association: 800, company: 2000 },
      flatFeeCents: 0,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

function uniqueName(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

test('a manager opens a booking in the centre’s agenda and cancels it with a reason', async ({
  page,
}) => {
  await signInAsManager(page);
  const centreId = await villageChinois(page.request);
  const room = uniqueName('Salle Kalawang');
  const resourceId = await createRoom(page, centreId, room);
  const purpose = uniqueName('Permanence CAF');
  const booked = await post(page, '/api/bookings', {
    resourceId,
    start: `${DAY}T14:00:00-03:00`,
    end: `${DAY}T15:30:00-03:00`,
    organiser: { kind: 'partner', name: 'CAF de la Guyane' },
    purpose,
    headcount: 6,
    audience: 'centre_programme',
  });
  expect(booked.status(), await booked.text()).toBe(201);

  // From the centre's page, the « Agenda » link.
  await page.goto(`/centres/${centreId}`);
  await page.getByRole('main').getByRole('link', { name: 'Agenda', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/centres/${centreId}/agenda`));
  await expect(page.getByRole('heading', { level: 1, name: /^Agenda — / })).toBeVisible();

  // The agenda on the chosen day: the time is the centre's (Cayenne), not the browser's (Paris).
  await page.goto(`/centres/${centreId}/agenda?date=${DAY}`);
  await page.getByText(purpose).first().click();
  const details = page.getByRole('dialog', { name: purpose });
  await expect(details).toContainText('mardi 9 mars 2027, 14:00 – 15:30');
  await expect(details).toContainText('Confirmée');
  await details.getByRole('button', { name: 'Annuler la réservation' }).click();
  await details.getByRole('textbox', { name: 'Motif de l’annulation' }).fill('Intervenante malade');
  await details.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(page.getByText('Réservation annulée')).toBeVisible();
  await expect(details).toHaveCount(0);
  await expect(page.getByText(purpose)).toHaveCount(0);
});

test('a manager drags out a booking on the timeline, then sees why an overlapping one cannot be made @desktop-only', async ({
  page,
}) => {
  await signInAsManager(page);
  const centreId = await villageChinois(page.request);
  const room = uniqueName('Salle Maripa');
  await createRoom(page, centreId, room);
  await page.goto(`/centres/${centreId}/agenda?date=${DAY}`);

  const resourceCell = page.getByRole('gridcell', { name: room }).or(page.getByText(room).first());
  await expect(resourceCell.first()).toBeVisible();
  // Other journeys add rooms and the header grows: bring this room's row into view first.
  await resourceCell.first().scrollIntoViewIfNeeded();
  const row = await resourceCell.first().boundingBox();
  // Where an hour starts on the time axis: the left edge of the header cell holding its label
  // (the label itself is padded), found as the label's first ancestor an hour wide.
  const hourCell = (label: string) =>
    page
      .getByText(label, { exact: true })
      .first()
      .evaluate((el) => {
        const labelWidth = el.getBoundingClientRect().width;
        let node: HTMLElement | null = el as HTMLElement;
        while (node && node.getBoundingClientRect().width < labelWidth + 16)
          node = node.parentElement;
        const box = (node ?? el).getBoundingClientRect();
        return { x: box.left, width: box.width };
      });
  const nine = await hourCell('09 h');
  const ten = await hourCell('10 h');
  const eleven = await hourCell('11 h');
  const twelve = await hourCell('12 h');
  if (!row) throw new Error('timeline not laid out');
  const slotStart = (cell: { x: number }) => cell.x;

  async function dragOut(from: number, to: number) {
    // The page may have scrolled since (a dialog closed, a toast): find the row again.
    await resourceCell.first().scrollIntoViewIfNeeded();
    const box = await resourceCell.first().boundingBox();
    if (!box) throw new Error('timeline not laid out');
    const y = box.y + box.height / 2;
    await page.mouse.move(from + 4, y);
    await page.mouse.down();
    await page.mouse.move((from + to) / 2, y, { steps: 4 });
    // The selection ends with the 15-minute cell under the pointer: stop just before `to`.
    await page.mouse.move(to - 6, y, { steps: 4 });
    await page.mouse.up();
  }

  // 10:00 → 12:00.
  await dragOut(slotStart(ten), slotStart(twelve));
  let dialog = page.getByRole('dialog', { name: 'Nouvelle réservation' });
  await expect(dialog).toContainText('mardi 9 mars 2027, 10:00 – 12:00');
  const purpose = uniqueName('Atelier CV');
  await dialog.getByRole('textbox', { name: 'Objet' }).fill(purpose);
  await dialog.getByRole('textbox', { name: 'Nombre de personnes' }).fill('8');
  await expect(dialog).toContainText('Prix : 0,00 €');
  await dialog.getByRole('button', { name: 'Réserver' }).click();
  await expect(page.getByText(`Réservation « ${purpose} » enregistrée`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(purpose).first()).toBeVisible();

  // 09:00 → 11:00 overlaps it (dragging starts on free time, then crosses the booking): the
  // dialog says which booking, and when, before anything is saved.
  await dragOut(slotStart(nine), slotStart(eleven));
  dialog = page.getByRole('dialog', { name: 'Nouvelle réservation' });
  await expect(dialog.getByRole('alert')).toContainText(
    `Chevauche la réservation « ${purpose} » (Georges Gestionnaire), mardi 9 mars 2027, 10:00 – 12:00.`,
  );
  await expect(dialog.getByRole('button', { name: 'Réserver' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
});

test('a facilitator reads the agenda without booking; staff of another centre may not open it', async ({
  page,
}) => {
  await signInAsManager(page, 'facilitation@lakou.test');
  const centreId = await villageChinois(page.request);
  await page.goto(`/centres/${centreId}/agenda?date=${DAY}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Agenda — / })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ressources' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajouter une ressource' })).toHaveCount(0);

  await page.context().clearCookies();
  await signInAsManager(page, 'accueil.kourou@lakou.test');
  await page.goto(`/centres/${centreId}/agenda`);
  await expect(page.getByRole('heading', { name: 'Accès non autorisé' })).toBeVisible();
});
