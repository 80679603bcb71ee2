import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

/*
 * A custom field of gifts in kind, as the people at a centre's desk meet it: the admin adds a
 * required « Provenance du lot », shown in tables, to the gifts received by Kourou; the manager
 * of Kourou finds it in the in-kind form, cannot save without it (its message under it), saves
 * once it is filled, and the gifts table has its column with the value. Kourou, because no other
 * journey records gifts in kind there (they run at the same time, on the same database). Desktop
 * only, for the same reason; the field is made optional as soon as the gift is saved, and retired
 * at the end.
 */

function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

async function send(page: Page, method: 'POST' | 'PATCH', path: string, data: unknown) {
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as { id: string; version: number };
}

test('a field of gifts in kind received by one centre: asked, required, then shown in the table @desktop-only', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const label = `Provenance du lot ${tag}`;
  const description = unique('Lot de vaisselle');

  const admin = await browser.newPage();
  await signIn(admin, 'admin@lakou.test', { timeout: 30_000 });
  const centres = (await (await admin.request.get('/api/centres?pageSize=100')).json()) as {
    items: { id: string; name: string }[];
  };
  const kourou = centres.items.find((c) => c.name.includes('Kourou'))?.id;
  expect(kourou).toBeDefined();
  const field = await send(admin, 'POST', '/api/custom-fields', {
    entity: 'in_kind_donation',
    centreId: kourou,
    key: `provenance_${tag}`,
    labelFr: label,
    helpFr: 'Le quartier ou la structure d’où vient le lot.',
    type: 'short_text',
    required: true,
    inTables: true,
  });
  try {
    await signIn(page, 'direction.kourou@lakou.test', { timeout: 30_000 });
    await page.goto('/donations/in-kind');
    await expect(page.getByRole('heading', { level: 1, name: 'Don en nature' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Nouveau don en nature' });
    const custom = form.getByRole('group', { name: 'Informations complémentaires' });
    const provenance = custom.getByRole('textbox', { name: label });
    await expect(provenance).toBeVisible();
    await expect(custom.getByText('Le quartier ou la structure d’où vient le lot.')).toBeVisible();

    await form.getByRole('combobox', { name: 'Donateur' }).fill('zz');
    await page.getByRole('option', { name: /Don anonyme/ }).click();
    await form.getByRole('textbox', { name: 'Description des biens' }).fill(description);
    await form.getByRole('button', { name: /Catégorie/ }).click();
    await page.getByRole('option', { name: 'Mobilier' }).click();
    await form.getByRole('textbox', { name: 'Quantité' }).fill('12');
    await form.getByRole('textbox', { name: 'Valeur (€)' }).fill('60');
    await form.getByRole('button', { name: /Méthode de valorisation/ }).click();
    await page.getByRole('option', { name: 'Estimation' }).click();
    await form
      .getByRole('textbox', { name: 'Justificatif de la valeur' })
      .fill('Estimation de la ressourcerie');

    // Not saved without the required field: its message sits under it.
    await form.getByRole('button', { name: 'Enregistrer le don en nature' }).click();
    await expect(custom.getByText(`« ${label} » est obligatoire.`)).toBeVisible();
    await expect(provenance).toHaveAttribute('aria-invalid', 'true');

    await provenance.fill('Quartier Eau-Lisette');
    await form.getByRole('button', { name: 'Enregistrer le don en nature' }).click();
    await expect(
      page.getByText(new RegExp(`Don en nature enregistré : ${description}`)),
    ).toBeVisible();
    // Made optional at once: other gifts of Kourou are no longer asked for it.
    await send(admin, 'PATCH', `/api/custom-fields/${field.id}`, {
      required: false,
      version: field.version,
    });

    // The gifts table has the field's column, with the value.
    await page.goto('/donations');
    const table = page.getByRole('grid', { name: 'Dons reçus' });
    await expect(table.getByRole('columnheader', { name: label })).toBeVisible();
    const row = table.getByRole('row').filter({ hasText: description });
    await expect(row).toContainText('Quartier Eau-Lisette');
  } finally {
    await send(admin, 'POST', `/api/custom-fields/${field.id}/retire`, {});
    await admin.close();
  }
});
