import type { Locator, Page } from '@playwright/test';
import {
  expect as baseExpect,
  expectNoAxeViolations,
  followNavLink,
  signIn,
  test,
} from './fixtures.ts';

/*
 * The board member reads the endowment fund: totals free, restricted and endowment, the balance
 * of each demo sub-fund (LIBRE, JARDINS, KOUROU, DOTATION) with its kind in words, the last
 * movements, balances at a date before the fund existed, then the grants pipeline by status and
 * one grant with its instalments — read only, axe-checked. The admin records a disbursement,
 * refused on its amount beyond the sub-fund's balance, corrects its ledger entry with a reason,
 * and takes a new grant from draft to an instalment received. The admin also creates a restricted
 * sub-fund (a code already used refused on its field), edits a grant's project (a closed grant no
 * longer changes) and passes gifts received in kind on to a partner association.
 */

// Balances are sums over three years of ledger in the embedded database: on a busy machine a
// page may take longer than the default 5 s to show them. Waiting longer asserts nothing on time.
const SLOW = { timeout: 20_000 };
const expect = baseExpect.configure(SLOW);
test.describe.configure({ timeout: 120_000 });

test('the board reads the fund overview and the grants pipeline, without writing', async ({
  page,
}) => {
  await signIn(page, 'ca@lakou.test', SLOW);
  await followNavLink(page, 'Fonds de dotation');
  await expect(page).toHaveURL(/\/fund$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Fonds de dotation' })).toBeVisible();
  const fundNav = page.getByRole('navigation', { name: 'Pages du fonds de dotation' });
  await expect(fundNav.getByRole('link', { name: 'Vue d’ensemble' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Totals: free money, restricted money and the endowment, each named.
  const totals = page.getByRole('region', { name: 'Totaux' });
  await expect(totals.getByText('Libre d’affectation', { exact: true })).toBeVisible();
  await expect(totals.getByText('Affecté à un objet', { exact: true })).toBeVisible();
  await expect(totals.getByText('Dotation en capital', { exact: true })).toBeVisible();

  // Balances per sub-fund, the kind of each in words.
  const subFunds = page.getByRole('grid', { name: 'Soldes par sous-fonds' });
  const libre = subFunds.getByRole('row', { name: 'Fonds libre (LIBRE)' });
  await expect(libre).toContainText('Libre d’affectation');
  await expect(libre).toContainText(/\d,\d\d\s€/);
  for (const name of ['Jardins partagés (JARDINS)', 'Centre de Kourou (KOUROU)']) {
    await expect(subFunds.getByRole('row', { name })).toContainText('Affecté');
  }
  // An awarded grant's own restricted sub-fund.
  await expect(subFunds.getByRole('row', { name: /\(SUBV-\d{4}-\d+\)$/ }).first()).toContainText(
    'Affecté',
  );
  const endowment = subFunds.getByRole('row', { name: 'Dotation en capital (DOTATION)' });
  await expect(endowment).toContainText('non consommable');
  // The founder's 15 000 € are held, and none of it is available to disburse.
  await expect(endowment).toContainText(/15\s000,00\s€.*0,00\s€/);

  // The last movements of the ledger, newest first, and the way to the whole ledger.
  const movements = page.getByRole('grid', { name: 'Derniers mouvements' });
  await expect(movements.getByRole('row').nth(1)).toContainText(/[+−]\d/);
  await expect(page.getByRole('link', { name: 'Tout le grand livre' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Échéances des 60 prochains jours' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Balances at a date before the fund existed: every sub-fund at zero, no movement yet.
  await page.getByLabel('Soldes au').fill('2001-06-30');
  await expect(page).toHaveURL(/at=2001-06-30/);
  await expect(page.getByText('Soldes à la fin du 30 juin 2001.')).toBeVisible();
  await expect(endowment).toContainText(/0,00\s€.*0,00\s€/);
  await expect(endowment).not.toContainText('15');
  await expect(movements).toContainText('Aucun mouvement jusqu’à cette date.');
  await page.getByRole('button', { name: 'Revenir à aujourd’hui' }).click();
  await expect(endowment).toContainText(/15\s000,00\s€/);

  // The grants pipeline: one column per status, in the order of a grant's life.
  await fundNav.getByRole('link', { name: 'Subventions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Subventions' })).toBeVisible();
  await expect(fundNav.getByRole('link', { name: 'Subventions' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(fundNav.getByRole('link', { name: 'Vue d’ensemble' })).not.toHaveAttribute(
    'aria-current',
    'page',
  );
  for (const status of [
    'En préparation',
    'Déposée',
    'Accordée',
    'Refusée',
    'Bilan à rendre',
    'Clôturée',
  ]) {
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`^${status}`) }),
    ).toBeVisible();
  }
  const awarded = page.getByRole('region', { name: /^Accordée/ });
  await expect(awarded.getByText(/Total : [\d\s]+,\d\d\s€/)).toBeVisible();
  // The board reads; it neither creates nor moves grants.
  await expect(page.getByRole('button', { name: 'Nouvelle demande' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // One awarded grant, with its instalments.
  await awarded
    .getByRole('button', { name: /^Ouvrir la demande/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Versements' })).toBeVisible();
  await expect(dialog.getByText('Montant accordé')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Faire avancer la demande' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: /^Marquer reçu/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(page).not.toHaveURL(/grant=/);
});

/** Today on the fund's calendar (French Guiana), as a date field wants it. */
function fundToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Cayenne' }).format(new Date());
}

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

// The admin's long journeys are desktop matters (the treasurer's desk); the board's reading runs on
// both.
test('the admin records a disbursement (refused beyond the balance), corrects it, and takes a grant from draft to an instalment received @desktop-only', async ({
  page,
}) => {
  // A long journey (three pages, five writes): room for a busy machine.
  test.setTimeout(240_000);
  const today = fundToday();
  const purpose = `Outils de jardinage ${unique()}`;
  await signIn(page, 'admin@lakou.test', SLOW);

  // A disbursement larger than what the sub-fund holds: « solde insuffisant » on the amount.
  await page.goto('/fund/disbursements');
  await page.getByRole('button', { name: 'Enregistrer un décaissement' }).click();
  const form = page.getByRole('dialog', { name: 'Enregistrer un décaissement' });
  await form.getByRole('button', { name: /Centre$/ }).click();
  await page.getByRole('option', { name: /Village Chinois/ }).click();
  await form.getByRole('button', { name: /Sous-fonds$/ }).click();
  await page.getByRole('option', { name: /^Jardins partagés — disponible/ }).click();
  const amount = form.getByRole('textbox', { name: 'Montant' });
  await amount.fill('9 999 999');
  await form.getByRole('textbox', { name: 'Objet' }).fill(purpose);
  await form.getByRole('textbox', { name: 'Date de la décision du conseil' }).fill(today);
  await form.getByRole('textbox', { name: 'Référence de la décision' }).fill('CA-E2E');
  await form.getByRole('button', { name: 'Enregistrer le décaissement' }).click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(
    form.getByText('Le solde disponible du sous-fonds ne couvre pas ce décaissement.'),
  ).toBeVisible();

  await expectNoAxeViolations(page);

  await amount.fill('1,00');
  await form.getByRole('button', { name: 'Enregistrer le décaissement' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Décaissement de 1,00' })).toBeVisible();
  const row = page.getByRole('row', { name: /Village Chinois/ }).filter({
    hasText: purpose,
  });
  await expect(row).toContainText('CA-E2E');

  // Its ledger entry, corrected with a reason after a confirmation; it stays, marked corrected.
  await page
    .getByRole('navigation', { name: 'Pages du fonds de dotation' })
    .getByRole('link', { name: 'Grand livre' })
    .click();
  await page.getByRole('button', { name: /Type de mouvement$/ }).click();
  await page.getByRole('option', { name: 'Décaissement', exact: true }).click();
  await page
    .getByRole('button', { name: new RegExp(`^Corriger le mouvement « .*${purpose}`) })
    .click();
  const correction = page.getByRole('dialog', { name: 'Corriger un mouvement' });
  await correction.getByRole('button', { name: 'Continuer' }).click();
  await expect(correction.getByText('Indiquez la raison de la correction')).toBeVisible();
  await correction
    .getByRole('textbox', { name: 'Raison de la correction' })
    .fill('Saisi en double');
  await correction.getByRole('button', { name: 'Continuer' }).click();
  await expect(
    correction.getByText(/Une écriture de \+1,00\s€ sera ajoutée au sous-fonds Jardins partagés/),
  ).toBeVisible();
  await correction.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(correction).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Correction enregistrée' }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(purpose) }).first()).toContainText(
    'Corrigé',
  );

  // A grant: created as a draft, submitted, awarded with its amount, an instalment planned and received.
  const project = `Ateliers vélo ${unique()}`;
  await page
    .getByRole('navigation', { name: 'Pages du fonds de dotation' })
    .getByRole('link', { name: 'Subventions' })
    .click();
  await page.getByRole('button', { name: 'Nouvelle demande' }).click();
  const newGrant = page.getByRole('dialog', { name: 'Nouvelle demande de subvention' });
  await chooseFirstFunder(page, newGrant);
  await newGrant.getByRole('textbox', { name: 'Appel à projets' }).fill('Mobilités solidaires');
  await newGrant.getByRole('textbox', { name: 'Projet', exact: true }).fill(project);
  await newGrant.getByRole('textbox', { name: 'Montant demandé' }).fill('5 000');
  await newGrant.getByRole('button', { name: 'Créer la demande' }).click();

  const grant = page.getByRole('dialog', { name: project });
  await expect(grant.getByText('En préparation', { exact: true })).toBeVisible();
  await grant.getByRole('button', { name: 'Passer à « Déposée »' }).click();
  await grant.getByRole('button', { name: 'Confirmer : « Déposée »' }).click();
  await expect(grant.getByText('La demande est maintenant « Déposée ».')).toBeVisible();

  await grant.getByRole('button', { name: 'Passer à « Accordée »' }).click();
  await grant.getByRole('button', { name: 'Confirmer : « Accordée »' }).click();
  await expect(grant.getByText('Indiquez un montant en euros')).toBeVisible();
  await grant.getByRole('textbox', { name: 'Montant accordé' }).fill('4 000');
  await grant.getByRole('button', { name: 'Confirmer : « Accordée »' }).click();
  await expect(grant.getByText('La demande est maintenant « Accordée ».')).toBeVisible();

  await expectNoAxeViolations(page);
  await grant.getByRole('textbox', { name: 'Attendu le' }).fill(today);
  await grant.getByRole('textbox', { name: 'Montant du versement' }).fill('1 500');
  await grant.getByRole('button', { name: 'Ajouter le versement' }).click();
  await expect(grant.getByText('Reste à prévoir : 2 500,00 €.')).toBeVisible();
  await grant.getByRole('button', { name: /^Marquer reçu le versement de 1\s500,00\s€/ }).click();
  await grant.getByRole('button', { name: 'Enregistrer la réception' }).click();
  await expect(grant.getByText(/^Reçu le /)).toBeVisible();
  await expect(grant.getByText('Versement de 1 500,00 € reçu')).toBeVisible();
});

test('the admin creates a restricted sub-fund (a taken code refused on its field), edits a grant’s project and passes in-kind gifts on @desktop-only', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const today = fundToday();
  const tag = unique();
  await signIn(page, 'admin@lakou.test', SLOW);

  // A restricted sub-fund: the form's own checks first, then a code the fund already uses.
  await page.goto('/fund');
  await page.getByRole('button', { name: 'Nouveau sous-fonds' }).click();
  const newFund = page.getByRole('dialog', { name: 'Nouveau sous-fonds' });
  await newFund.getByRole('button', { name: 'Créer le sous-fonds' }).click();
  const code = newFund.getByRole('textbox', { name: 'Code' });
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(
    newFund.getByText('Le code compte 2 à 24 caractères : majuscules, chiffres et tirets.'),
  ).toBeVisible();
  await expect(
    newFund.getByText(
      'Un sous-fonds affecté indique son objet ou le centre auquel il est réservé.',
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  const name = `Ateliers réparation ${tag}`;
  await code.fill('libre');
  await expect(code).toHaveValue('LIBRE');
  await newFund.getByRole('textbox', { name: 'Nom' }).fill(name);
  await expect(newFund.getByRole('radio', { name: /^Affecté à un objet/ })).toBeChecked();
  await newFund.getByRole('textbox', { name: 'Objet' }).fill('Ateliers de réparation de vélos');
  await newFund.getByRole('button', { name: 'Créer le sous-fonds' }).click();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(newFund.getByText('Ce code est déjà pris par un autre sous-fonds.')).toBeVisible();
  await expectNoAxeViolations(page);

  const newCode = `E2E-${tag}`.toUpperCase();
  await code.fill(newCode);
  await newFund.getByRole('button', { name: 'Créer le sous-fonds' }).click();
  await expect(newFund).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: `Sous-fonds « ${name} » (${newCode}) créé.` }),
  ).toBeVisible();
  const created = page
    .getByRole('grid', { name: 'Soldes par sous-fonds' })
    .getByRole('row', { name: `${name} (${newCode})` });
  await expect(created).toContainText('Affecté');
  await expect(created).toContainText('Ateliers de réparation de vélos');

  // A grant's project edited from its dialog; a closed grant no longer changes.
  const project = `Repair café ${tag}`;
  await page
    .getByRole('navigation', { name: 'Pages du fonds de dotation' })
    .getByRole('link', { name: 'Subventions' })
    .click();
  await page.getByRole('button', { name: 'Nouvelle demande' }).click();
  const newGrant = page.getByRole('dialog', { name: 'Nouvelle demande de subvention' });
  await chooseFirstFunder(page, newGrant);
  await newGrant.getByRole('textbox', { name: 'Appel à projets' }).fill('Économie circulaire');
  await newGrant.getByRole('textbox', { name: 'Projet', exact: true }).fill(project);
  await newGrant.getByRole('textbox', { name: 'Montant demandé' }).fill('2 500');
  await newGrant.getByRole('button', { name: 'Créer la demande' }).click();

  const grant = page.getByRole('dialog', { name: project });
  await grant.getByRole('button', { name: 'Modifier la demande' }).click();
  const edit = grant.getByRole('form', { name: 'Modifier la demande' });
  await expect(edit.getByRole('textbox', { name: 'Montant demandé' })).toHaveValue('2500');
  const projectField = edit.getByRole('textbox', { name: 'Projet', exact: true });
  await projectField.fill('ab');
  await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(projectField).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  const renamed = `Repair café des Palmistes ${tag}`;
  await projectField.fill(renamed);
  await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  const renamedGrant = page.getByRole('dialog', { name: renamed });
  await expect(renamedGrant.getByText('Demande modifiée.')).toBeVisible();
  await expect(renamedGrant.getByRole('form', { name: 'Modifier la demande' })).toHaveCount(0);
  await renamedGrant.getByRole('button', { name: 'Fermer' }).click();
  await expect(
    page.getByRole('button', { name: new RegExp(`^Ouvrir la demande.*${renamed}`) }),
  ).toBeVisible();

  await page
    .getByRole('region', { name: /^Clôturée/ })
    .getByRole('button', { name: /^Ouvrir la demande/ })
    .first()
    .click();
  const closed = page.getByRole('dialog');
  await expect(
    closed.getByText('Cette demande est clôturée : elle ne se modifie plus.'),
  ).toBeVisible();
  await expect(closed.getByRole('button', { name: 'Modifier la demande' })).toHaveCount(0);
  await closed.getByRole('button', { name: 'Fermer' }).click();

  // Gifts received in kind passed on to a partner: at least one to tick, their valuation summed.
  await page
    .getByRole('navigation', { name: 'Pages du fonds de dotation' })
    .getByRole('link', { name: 'Décaissements' })
    .click();
  await page.getByRole('button', { name: 'Enregistrer un décaissement' }).click();
  const form = page.getByRole('dialog', { name: 'Enregistrer un décaissement' });
  // The radios' inputs are visually hidden: one picks by the words, as a user does.
  await form.getByText('Des biens reçus en nature', { exact: true }).click();
  await expect(form.getByRole('radio', { name: 'Des biens reçus en nature' })).toBeChecked();
  await expect(form.getByRole('button', { name: /Sous-fonds$/ })).toHaveCount(0);
  await form.getByText('Une association partenaire', { exact: true }).click();
  await form.getByRole('button', { name: /Association partenaire$/ }).click();
  await page.getByRole('option').first().click();
  const purpose = `Vêtements transmis ${tag}`;
  await form.getByRole('textbox', { name: 'Objet' }).fill(purpose);
  await form.getByRole('textbox', { name: 'Date de la décision du conseil' }).fill(today);
  await form.getByRole('textbox', { name: 'Référence de la décision' }).fill('CA-E2E-NATURE');
  await form.getByRole('button', { name: 'Enregistrer le décaissement' }).click();
  await expect(form.getByText('Choisissez au moins un don en nature.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Desktop and phone share one server: each passes on a different gift.
  const gifts = form.getByRole('group', { name: 'Dons en nature transmis' }).getByRole('checkbox');
  await expect(gifts.first()).toBeVisible();
  const gift = gifts.nth(testInfo.project.name === 'phone' ? 1 : 0);
  await gift.focus();
  await page.keyboard.press('Space');
  await expect(gift).toBeChecked();
  const chosen = form.getByText(/^1 don choisi, valorisé /);
  await expect(chosen).toBeVisible();
  const valuation = /valorisé (.+€)\./.exec((await chosen.textContent()) ?? '')?.[1];
  expect(valuation).toBeTruthy();
  await form.getByRole('button', { name: 'Enregistrer le décaissement' }).click();
  await expect(form).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: purpose });
  await expect(row).toContainText('Biens en nature');
  await expect(row).toContainText(valuation ?? 'no valuation');
});

/**
 * Opens the grant form's « Financeur » list once the funders have loaded (a list opened while
 * they are still loading stays empty on a busy machine) and picks the first one.
 */
async function chooseFirstFunder(page: Page, dialog: Locator) {
  const trigger = dialog.getByRole('button', { name: /Financeur$/ });
  await expect(trigger).not.toContainText('Chargement des financeurs', { timeout: 20_000 });
  await trigger.click();
  await page.getByRole('option').first().click();
}
