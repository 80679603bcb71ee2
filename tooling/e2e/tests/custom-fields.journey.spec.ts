import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, followNavLink, signIn, test } from './fixtures.ts';

/*
 * Custom fields (issue 9), from the builder to the forms. The admin adds a required single
 * choice « Public accueilli », shown in tables, to the events of Kourou only; the manager of Kourou
 * cannot create an event without it, the manager of the Cayenne centres never sees it, and the
 * events table of Kourou has its column; taking away a choice in use is refused (422) and a
 * change made meanwhile by someone else is reported (409) with a reload. No other journey
 * creates events in Kourou, and the field is retired at the end (a required field would stop
 * any other event of Kourou). Desktop only: the phone run would add a second required field to
 * the same centre, in the same database, while this one runs.
 */

const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: '07:00',
  closes: '22:00',
}));

function unique(prefix: string) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

function post(page: Page, path: string, data: unknown) {
  return page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
}

async function centreNamed(page: Page, name: string): Promise<string> {
  const res = await page.request.get('/api/centres?pageSize=100');
  const { items } = (await res.json()) as { items: { id: string; name: string }[] };
  const centre = items.find((c) => c.name.includes(name));
  expect(centre, name).toBeDefined();
  return centre?.id ?? '';
}

/** A day `days` ahead, as YYYY-MM-DD. */
function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A room of its own in the centre and a booking on it in the next weeks; returns its purpose. */
async function bookRoom(page: Page, centreId: string): Promise<string> {
  const room = await post(page, '/api/resources', {
    centreId,
    kind: 'room',
    name: unique('Salle Maripa '),
    capacity: 20,
    bookableHours: allWeek,
    tariff: {
      hourlyCents: { member: 0, qpv_resident: 0, association: 0, company: 0 },
      flatFeeCents: 0,
    },
  });
  expect(room.status(), await room.text()).toBe(201);
  const resourceId = ((await room.json()) as { id: string }).id;
  const purpose = unique('Atelier vannerie ');
  for (let days = 8; days < 25; days++) {
    const day = dayAhead(days);
    const res = await post(page, '/api/bookings', {
      resourceId,
      start: `${day}T09:00:00-03:00`,
      end: `${day}T11:00:00-03:00`,
      organiser: { kind: 'user', name: 'Équipe de Kourou' },
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

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Opens « Nouvel événement » on a centre's events page, once its custom fields have loaded. */
async function openNewEvent(page: Page, centreId: string) {
  const fields = page.waitForResponse((r) => r.url().includes('/api/custom-fields'));
  await page.goto(`/centres/${centreId}/events`);
  await page.getByRole('button', { name: 'Nouvel événement' }).first().click();
  await fields;
  const dialog = page.getByRole('dialog', { name: 'Nouvel événement' });
  await expect(dialog.getByRole('textbox', { name: 'Titre' })).toBeVisible();
  return dialog;
}

test('an admin adds a required field to one centre’s events; its team must fill it, another centre never sees it, the table shows it @desktop-only', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin@lakou.test');
  const kourou = await centreNamed(page, 'Kourou');
  const montLucas = await centreNamed(page, 'Mont-Lucas');
  const purpose = await bookRoom(page, kourou);
  const key = unique('public_');
  let fieldId: string | undefined;

  try {
    // « Paramètres » › « Champs personnalisés »: events of Kourou.
    await followNavLink(page, 'Paramètres');
    await expect(page).toHaveURL(/\/settings\/fields/);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Champs personnalisés' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /Portée$/ }).click();
    await page.getByRole('option', { name: 'Centre SECCOIA de Kourou' }).click();
    await expect(page).toHaveURL(new RegExp(`centre=${kourou}`));

    await page.getByRole('button', { name: 'Ajouter un champ' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau champ' });
    // Nothing filled in: the domain's French messages under the fields.
    await dialog.getByRole('button', { name: 'Ajouter le champ' }).click();
    await expect(dialog.getByText('Indiquez le libellé du champ.')).toBeVisible();

    await dialog.getByRole('textbox', { name: 'Libellé (français)' }).fill('Public accueilli');
    await expect(dialog.getByRole('textbox', { name: 'Clé' })).toHaveValue('public_accueilli');
    await dialog.getByRole('textbox', { name: 'Clé' }).fill(key);
    await dialog.getByRole('button', { name: /Type$/ }).click();
    await page.getByRole('option', { name: 'Choix unique' }).click();
    const choices = ['Jeunes', 'Familles', 'Seniors'];
    for (const [index, choice] of choices.entries()) {
      if (index > 0) await dialog.getByRole('button', { name: 'Ajouter un choix' }).click();
      await dialog
        .getByRole('textbox', { name: `Libellé du choix ${index + 1} (français)` })
        .fill(choice);
    }
    await expect(dialog.getByRole('textbox', { name: 'Clé du choix 3' })).toHaveValue('seniors');
    await dialog.getByText('Obligatoire', { exact: true }).click();
    await dialog.getByText('Affiché dans les tableaux', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Ajouter le champ' }).click();
    await expect(dialog).toBeHidden();

    const list = page.getByRole('grid', { name: /Champs de la fiche « Événements »/ });
    await expect(list.getByRole('row', { name: /Public accueilli/ })).toContainText('Obligatoire');
    // The preview shows the form as people will see it.
    const preview = page.getByRole('region', { name: 'Aperçu du formulaire' });
    await expect(preview.getByText('Public accueilli').first()).toBeVisible();

    const defs = (await (
      await page.request.get(`/api/custom-fields?entity=event&centreId=${kourou}`)
    ).json()) as { items: { id: string; key: string }[] };
    fieldId = defs.items.find((d) => d.key === key)?.id;
    expect(fieldId).toBeDefined();

    // The manager of Kourou: not created until « Public accueilli » is chosen.
    const desk = await signedInPage(browser, 'direction.kourou@lakou.test');
    const newEvent = await openNewEvent(desk, kourou);
    await newEvent.getByRole('searchbox', { name: /Rechercher une réservation/ }).fill(purpose);
    await newEvent.getByRole('checkbox', { name: new RegExp(purpose) }).check({ force: true });
    const title = unique('Vannerie ');
    await newEvent.getByRole('textbox', { name: 'Titre' }).fill(title);
    await newEvent.getByRole('button', { name: /Type d’événement/ }).click();
    await desk.getByRole('option', { name: 'Atelier', exact: true }).click();
    await newEvent.getByRole('textbox', { name: 'Nombre de places' }).fill('12');
    await newEvent.getByRole('button', { name: 'Créer l’événement' }).click();
    await expect(newEvent.getByText('« Public accueilli » est obligatoire.')).toBeVisible();
    await expect(newEvent).toBeVisible();
    await newEvent.getByRole('button', { name: /Public accueilli$/ }).click();
    await desk.getByRole('option', { name: 'Familles' }).click();
    await newEvent.getByRole('button', { name: 'Créer l’événement' }).click();
    await expect(desk.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(desk.getByRole('definition').filter({ hasText: 'Familles' })).toBeVisible();

    // The events table of Kourou: the column and the value chosen.
    await desk.goto(`/centres/${kourou}/events`);
    const table = desk.getByRole('grid', { name: /^Événements — / });
    await expect(table.getByRole('columnheader', { name: 'Public accueilli' })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(title) })).toContainText('Familles');
    await desk.context().close();

    // The manager of the Cayenne centres: no such field in Mont-Lucas.
    const manager = await signedInPage(browser, 'gestion@lakou.test');
    const other = await openNewEvent(manager, montLucas);
    await expect(other.getByText('Public accueilli')).toHaveCount(0);
    await manager.context().close();

    // Taking away a choice already used is refused, with the API's count and example.
    await page.getByRole('button', { name: 'Modifier « Public accueilli »' }).click();
    const edit = page.getByRole('dialog', { name: 'Modifier le champ « Public accueilli »' });
    await edit.getByRole('button', { name: 'Supprimer le choix 2' }).click();
    await edit.getByRole('button', { name: 'Enregistrer le champ' }).click();
    await expect(
      edit.getByText('Des valeurs déjà saisies ne conviendraient plus à ce champ.'),
    ).toBeVisible();
    await edit.getByRole('button', { name: 'Annuler' }).click();

    // Changed by someone else while the dialog is open: say so, and reload it.
    await page.getByRole('button', { name: 'Modifier « Public accueilli »' }).click();
    await expect(edit.getByRole('textbox', { name: 'Libellé (anglais)' })).toBeVisible();
    const version = (
      (await (
        await page.request.get(`/api/custom-fields?entity=event&centreId=${kourou}`)
      ).json()) as {
        items: { id: string; version: number }[];
      }
    ).items.find((d) => d.id === fieldId)?.version;
    const meanwhile = await page.request.patch(`/api/custom-fields/${fieldId}`, {
      data: { helpFr: 'Le public principal de l’événement.', version },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(meanwhile.status(), await meanwhile.text()).toBe(200);
    await edit.getByRole('textbox', { name: 'Libellé (anglais)' }).fill('Audience');
    await edit.getByRole('button', { name: 'Enregistrer le champ' }).click();
    await expect(
      edit.getByText('Ce champ a été modifié entre-temps par quelqu’un d’autre.'),
    ).toBeVisible();
    await edit.getByRole('button', { name: 'Recharger le champ' }).click();
    await expect(edit.getByRole('textbox', { name: 'Aide (français)' })).toHaveValue(
      'Le public principal de l’événement.',
    );
    await edit.getByRole('textbox', { name: 'Libellé (anglais)' }).fill('Audience');
    await edit.getByRole('button', { name: 'Enregistrer le champ' }).click();
    await expect(edit).toBeHidden();
  } finally {
    // A required field of Kourou's events must not outlive the test.
    if (fieldId) {
      const res = await post(page, `/api/custom-fields/${fieldId}/retire`, {});
      expect(res.status(), await res.text()).toBe(200);
    }
  }
});

test('the fields of a form are put in order with the keyboard @desktop-only', async ({ page }) => {
  await signIn(page, 'admin@lakou.test');
  const centreId = await centreNamed(page, 'Saint-Laurent');
  const labels = [unique('Premier '), unique('Second ')];
  for (const label of labels) {
    const res = await post(page, '/api/custom-fields', {
      entity: 'registration',
      centreId,
      key: unique('ordre_'),
      labelFr: label,
      type: 'short_text',
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  await page.goto(`/settings/fields?entity=registration&centre=${centreId}`);
  const list = page.getByRole('grid', { name: /Champs de la fiche/ });
  const rows = list.getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(labels[0] ?? '');

  // The handle of the first field: Enter picks it up, arrows choose its place, Enter drops it.
  const handle = list.getByRole('button', { name: `Déplacer « ${labels[0]} »` });
  await handle.focus();
  await page.keyboard.press('Enter');
  // Each place is a drop indicator named « Insérer après … »: down until it is after the second.
  const target = `Insérer après ${labels[1]}`;
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  for (let step = 0; step < 4 && (await focused()) !== target; step++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', target);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ordre des champs enregistré.')).toBeVisible();
  await expect(rows.nth(0)).toContainText(labels[1] ?? '');

  // Saved: the same order after a reload.
  await page.reload();
  await expect(list.getByRole('row').nth(0)).toContainText(labels[1] ?? '');
  await expect(list.getByRole('row').nth(1)).toContainText(labels[0] ?? '');
});
