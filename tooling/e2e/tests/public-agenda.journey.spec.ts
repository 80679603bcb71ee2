import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/*
 * A visitor with no account opens a centre's public agenda (the page the iCalendar feed links
 * to), registers for a public event, is told the outcome and given a link to cancel, and
 * cancels through it. The events are made through the API by a manager in another browser
 * context, each on a room of its own.
 */

const PASSWORD = 'lakou-demo-2026';
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: '07:00',
  closes: '22:00',
}));

function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

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

interface MadeEvent {
  centreId: string;
  eventId: string;
  title: string;
}

/** A manager, in a browser of their own, books a room and makes a public event on it. */
async function publicEvent(
  browser: Browser,
  { capacity, takenBy }: { capacity: number; takenBy?: string },
): Promise<MadeEvent> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  try {
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('gestion@lakou.test');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/$/);
    const origin = new URL(page.url()).origin;
    const post = (path: string, data: unknown) =>
      page.request.post(path, { data, headers: { origin } });

    const centres = (await (await page.request.get('/api/centres?pageSize=100')).json()) as {
      items: { id: string; name: string }[];
    };
    const centreId = centres.items.find((c) => c.name.includes('Mont-Lucas'))?.id ?? '';
    const room = await post('/api/resources', {
      centreId,
      kind: 'room',
      name: unique('Salle Awara'),
      capacity: 30,
      bookableHours: allWeek,
      tariff: {
        hourlyCents: { member: 0, qpv_resident: 0, association: 0, company: 0 },
        flatFeeCents: 0,
      },
    });
    expect(room.status(), await room.text()).toBe(201);
    const resourceId = ((await room.json()) as { id: string }).id;
    const title = unique('Concert de kasékò');
    let bookingId = '';
    for (let days = 5; days < 20 && !bookingId; days++) {
      const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
      const res = await post('/api/bookings', {
        resourceId,
        start: `${day}T18:00:00-03:00`,
        end: `${day}T19:30:00-03:00`,
        organiser: { kind: 'user', name: 'Georges Gestionnaire' },
        purpose: title,
        headcount: 20,
        audience: 'centre_programme',
      });
      if (res.status() === 201) bookingId = ((await res.json()) as { id: string }).id;
      else expect(res.status(), await res.text()).toBe(422);
    }
    const kinds = (await (await page.request.get('/api/event-kinds')).json()) as {
      items: { id: string; key: string }[];
    };
    const made = await post('/api/events', {
      bookingIds: [bookingId],
      kindId: kinds.items.find((k) => k.key === 'concert')?.id,
      title,
      description: 'Tambours et chants, ouvert à tous.',
      capacity,
      public: true,
      registrationOpen: true,
    });
    expect(made.status(), await made.text()).toBe(201);
    const eventId = ((await made.json()) as { id: string }).id;
    if (takenBy) {
      const res = await post(`/api/events/${eventId}/registrations`, {
        name: takenBy,
        seats: capacity,
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    return { centreId, eventId, title };
  } finally {
    await context.close();
  }
}

test('a visitor registers for a public event, then cancels with the link', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const { centreId, eventId, title } = await publicEvent(browser, { capacity: 5 });

  // The link the iCalendar feed gives: no account needed.
  await page.goto(`/public/${centreId}?evenement=${eventId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Agenda public — / })).toBeVisible();
  const subscribe = page.getByRole('link', { name: 'S’abonner à l’agenda' });
  await expect(subscribe).toHaveAttribute(
    'href',
    `webcal://localhost:${new URL(page.url()).port}/api/centres/${centreId}/agenda.ics`,
  );
  await expect(page.getByRole('link', { name: 'Lien iCal (.ics)' })).toHaveAttribute(
    'href',
    new RegExp(`^http://.*/api/centres/${centreId}/agenda\\.ics$`),
  );

  const event = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title }) });
  await expect(event).toContainText('18:00 – 19:30');
  await expect(event).toContainText('Concert');
  await expect(event).toContainText('5 places restantes');
  // Opened on arrival: it is the event the link named.
  const form = event.getByRole('form', { name: `Inscription à « ${title} »` });
  await expect(form).toBeVisible();
  await expectNoAxeViolations(page);

  // A name is enough; French messages when it is missing.
  await form.getByRole('button', { name: 'Valider l’inscription' }).click();
  await expect(
    form.getByText('Indiquez votre nom ou vos initiales (au moins 2 caractères).'),
  ).toBeVisible();
  const name = unique('Maëlys');
  await form.getByRole('textbox', { name: /Votre nom/ }).fill(name);
  await form.getByRole('textbox', { name: 'Nombre de places' }).fill('2');
  await form.getByRole('button', { name: 'Valider l’inscription' }).click();

  const receipt = event.getByRole('status');
  await expect(receipt).toContainText('Vous êtes inscrit·e (2 places).');
  await expect(receipt).toContainText('Gardez le lien ci-dessous');
  const cancelLink = receipt.getByRole('link', { name: 'Annuler mon inscription' });
  await expect(cancelLink).toHaveAttribute('href', /^\/inscriptions\/annuler\?jeton=lkr_/);
  await expectNoAxeViolations(page);

  // Later, from the link: asked first, then cancelled.
  await cancelLink.click();
  await expect(page).toHaveURL(/\/inscriptions\/annuler\?jeton=lkr_/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Annuler une inscription' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Oui, annuler mon inscription' }).click();
  await expect(page.getByRole('status')).toContainText(
    `Votre inscription à « ${title} » est annulée.`,
  );

  // The places are free again on the public agenda.
  await page.goto(`/public/${centreId}?evenement=${eventId}`);
  await expect(
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) }),
  ).toContainText('5 places restantes');
});

test('a visitor joins the waiting list of a full public event and is told their position', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const { centreId, eventId, title } = await publicEvent(browser, {
    capacity: 1,
    takenBy: unique('Première personne'),
  });

  await page.goto(`/public/${centreId}?evenement=${eventId}`);
  const event = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title }) });
  await expect(event).toContainText('Complet — liste d’attente');
  const form = event.getByRole('form', { name: `Inscription à « ${title} »` });
  await expect(form).toContainText('vous serez en liste d’attente');
  await form.getByRole('textbox', { name: /Votre nom/ }).fill(unique('Yohan'));
  await form
    .getByRole('textbox', { name: 'E-mail (facultatif)' })
    .fill(`yohan.${Date.now()}@example.org`);
  await form.getByRole('button', { name: 'Valider l’inscription' }).click();
  const receipt = event.getByRole('status');
  await expect(receipt).toContainText(
    'L’événement est complet : vous êtes sur la liste d’attente, en position 1.',
  );
  await expect(receipt).toContainText('Une confirmation est envoyée à yohan.');
  await expect(receipt.getByRole('link', { name: 'Annuler mon inscription' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a signed-out visitor is not let into the team’s events pages', async ({ page }) => {
  const centres = (await (await page.request.get('/api/centres?pageSize=100')).json()) as {
    items: { id: string }[];
  };
  const centreId = centres.items[0]?.id ?? '';
  await page.goto(`/centres/${centreId}/events`);
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  await page.goto(`/centres/${centreId}/events/${crypto.randomUUID()}`);
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
});
