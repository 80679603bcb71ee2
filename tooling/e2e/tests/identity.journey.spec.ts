import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/*
 * Accounts, roles scoped to centres, tokens and the audit log, as the demo users see them.
 * The demo users are loaded on the first start; their password is the demo one.
 */

const PASSWORD = 'lakou-demo-2026';
const demo = {
  admin: { email: 'admin@lakou.test', name: 'Aline Administratrice' },
  manager: { email: 'gestion@lakou.test', name: 'Georges Gestionnaire' },
  staff: { email: 'accueil.kourou@lakou.test' },
  facilitator: { email: 'facilitation@lakou.test' },
  board: { email: 'ca@lakou.test', name: 'Claire Conseil' },
};

async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // React Aria's shared live region keeps past announcements for a while; they may point at
    // a menu item that is gone. It is not part of any page (the ui stories exclude it too).
    .exclude('[data-live-announcer]')
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

function table(page: Page, name: string) {
  return page.getByRole('grid', { name }).or(page.getByRole('table', { name }));
}

/** On a phone the navigation sits behind the menu button. */
async function openNavigation(page: Page) {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  return page.getByRole('navigation', { name: 'Navigation principale' });
}

async function signIn(page: Page, email: string, name: string) {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
}

async function signOut(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
}

/** Picks an option of a React Aria select by its (visible) label. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test('a visitor sees « Se connecter », and a protected page sends them to sign in first', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  const nav = await openNavigation(page);
  await expect(nav.getByRole('link', { name: 'Utilisateurs' })).toHaveCount(0);

  await page.goto('/admin/users?page=1');
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mot de passe oublié ?' })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // After signing in, the visitor lands where they were going.
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill(demo.admin.email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/admin\/users/);
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
});

test('a wrong password gets the French error, and the forgotten-password page never tells whether an account exists', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill(demo.facilitator.email);
  await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/sign-in/);
  await expectNoAccessibilityViolations(page);

  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('personne@exemple.invalid');
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Si un compte Lakou' })).toBeVisible();

  // A link whose token is invalid offers to ask again.
  await page.goto('/reset-password?token=not-a-real-token');
  await page.getByLabel('Nouveau mot de passe').fill('une phrase de passe');
  await page.getByLabel('Confirmez le mot de passe').fill('une phrase de passe');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lien invalide ou expiré' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toBeVisible();
});

test('a centre manager sees their two centres and only their users, and no audit log', async ({
  page,
}) => {
  // Long journeys with several accessibility scans.
  test.slow();
  await signIn(page, demo.manager.email, demo.manager.name);

  // Account: both centres, named.
  await page.getByRole('button', { name: demo.manager.name, exact: true }).click();
  await page.getByRole('menuitem', { name: 'Mon compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
  const roles = page.getByRole('region', { name: 'Mes rôles' });
  await expect(roles.getByText(/Responsable de centre — .*Village Chinois/)).toBeVisible();
  await expect(roles.getByText(/Responsable de centre — .*Mont-Lucas/)).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // Tokens: none yet.
  await page.getByRole('link', { name: "Gérer mes jetons d'API" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Jetons d'API" })).toBeVisible();
  await expect(page.getByText("Aucun jeton pour l'instant")).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // Users: only those of Village Chinois and Mont-Lucas; read-only.
  const nav = await openNavigation(page);
  await expect(nav.getByRole('link', { name: "Journal d'audit" })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  const users = table(page, 'Utilisateurs');
  await expect(users.getByText(demo.manager.email)).toBeVisible();
  await expect(users.getByText(demo.facilitator.email)).toBeVisible();
  await expect(users.getByText(demo.staff.email)).toHaveCount(0);
  await expect(users.getByText(demo.admin.email)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Inviter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Modifier / })).toHaveCount(0);

  // The centre filter offers only their centres.
  await page.getByRole('button', { name: /Centre/ }).click();
  const options = page.getByRole('option');
  await expect(options).toHaveCount(3);
  await expect(options.nth(0)).toHaveText('Tous mes centres');
  await expect(page.getByRole('option', { name: /Village Chinois/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /Mont-Lucas/ })).toBeVisible();
  await page.getByRole('option', { name: /Mont-Lucas/ }).click();
  await expect(page).toHaveURL(/centreId=/);
  await expect(users.getByText(demo.manager.email)).toBeVisible();
  await expect(users.getByText(demo.facilitator.email)).toHaveCount(0);
  await expectNoAccessibilityViolations(page);

  // A direct link to the audit log explains who may open it.
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeVisible();
  await expect(page.getByText(/Administration du réseau/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Retour au réseau' })).toBeVisible();

  await signOut(page, demo.manager.name);
});

test('the board sees no user management', async ({ page }) => {
  await signIn(page, demo.board.email, demo.board.name);
  const nav = await openNavigation(page);
  await expect(nav.getByRole('link', { name: 'Réseau' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Utilisateurs' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: "Journal d'audit" })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /cercle/i })).toHaveCount(0);

  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeVisible();
  await expect(page.getByText(/Responsable de centre/).first()).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await signOut(page, demo.board.name);
});

test('an admin invites a user, changes their roles and finds both in the audit log', async ({
  page,
}, testInfo) => {
  // Long journeys with several accessibility scans.
  test.slow();
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `invite-${stamp}@lakou.test`;
  const name = `Ines Invitée ${stamp}`;

  await signIn(page, demo.admin.email, demo.admin.name);
  const nav = await openNavigation(page);
  await nav.getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  await expect(table(page, 'Utilisateurs').getByText(demo.staff.email)).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // Invite: name, email, one role in Kourou.
  await page.getByRole('button', { name: 'Inviter' }).click();
  const invite = page.getByRole('dialog', { name: 'Inviter un utilisateur' });
  await expect(invite).toBeVisible();
  await invite.getByRole('textbox', { name: 'Nom' }).fill(name);
  await invite.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
  await choose(page, /Rôle 1/, "Équipe d'accueil");
  await choose(page, /Centre du rôle 1/, /Kourou/);
  await expectNoAccessibilityViolations(page);
  await invite.getByRole('button', { name: "Envoyer l'invitation" }).click();
  await expect(invite).toHaveCount(0);
  await expect(page.getByText(`Invitation envoyée à ${email}.`)).toBeVisible();

  await page.getByRole('searchbox', { name: 'Rechercher un utilisateur' }).fill(stamp);
  const users = table(page, 'Utilisateurs');
  const row = users.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/Équipe d'accueil — .*Kourou/);

  // Edit: add a facilitator role at Matoury.
  await row.getByRole('button', { name: `Modifier ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Modifier ${name}` });
  await expect(edit).toBeVisible();
  // They have never signed in: the link to choose a password can be sent again.
  await edit.getByRole('button', { name: "Renvoyer l'invitation" }).click();
  await expect(page.getByText(`Invitation renvoyée à ${email}.`)).toBeVisible();
  await edit.getByRole('button', { name: 'Ajouter un rôle' }).click();
  await choose(page, /Rôle 2/, 'Facilitation');
  await choose(page, /Centre du rôle 2/, /Matoury/);
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText(/Facilitation — .*Matoury/);

  // The audit log has the invitation and the role change, with before and after.
  const created = (await (
    await page.request.get(`/api/users?q=${encodeURIComponent(email)}`)
  ).json()) as { items: { id: string }[] };
  const userId = created.items[0]?.id ?? '';
  expect(userId).not.toBe('');

  await (await openNavigation(page)).getByRole('link', { name: "Journal d'audit" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Journal d'audit" })).toBeVisible();
  await page.getByRole('textbox', { name: 'Objet' }).fill('user');
  const entries = table(page, "Entrées du journal d'audit");
  const ofUser = entries.getByRole('row').filter({ hasText: userId });
  await expect(ofUser.filter({ hasText: 'user.invite' })).toHaveCount(1);
  const update = ofUser.filter({ hasText: 'user.update' });
  await expect(update).toHaveCount(1);
  await expect(update).toContainText(demo.admin.email);
  await expectNoAccessibilityViolations(page);

  await update.getByRole('button', { name: /^Détails de l'entrée user\.update/ }).click();
  const details = page.getByRole('dialog', { name: /user\.update/ });
  await expect(details.getByRole('heading', { name: 'Avant' })).toBeVisible();
  await expect(details.getByRole('heading', { name: 'Après' })).toBeVisible();
  await expect(details).toContainText('facilitator');
  await expectNoAccessibilityViolations(page);
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);

  // Filtering by action keeps only that kind of entry.
  await page.getByRole('textbox', { name: 'Action' }).fill('user.invite');
  await expect(page).toHaveURL(/action=user\.invite/);
  await expect(entries.getByRole('row').filter({ hasText: 'user.update' })).toHaveCount(0, {
    timeout: 15_000,
  });
  await expect(ofUser.filter({ hasText: 'user.invite' })).toHaveCount(1);
});

test('an admin creates a read-only token, sees its secret once, then revokes it', async ({
  page,
}, testInfo) => {
  // Long journeys with several accessibility scans.
  test.slow();
  const tokenName = `Tableau de bord ${testInfo.project.name} ${Date.now()}`;
  await signIn(page, demo.admin.email, demo.admin.name);
  await page.getByRole('button', { name: demo.admin.name, exact: true }).click();
  await page.getByRole('menuitem', { name: "Jetons d'API" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Jetons d'API" })).toBeVisible();

  await page.getByRole('textbox', { name: 'Nom du jeton' }).fill(tokenName);
  await expect(page.getByRole('checkbox', { name: 'Lecture seule' })).toBeChecked();
  await choose(page, /Expiration/, 'Jamais');
  await expect(page.getByText(/Un jeton sans expiration reste valable/)).toBeVisible();
  await choose(page, /Expiration/, '30 jours');
  await page.getByRole('button', { name: 'Créer le jeton' }).click();

  const secret = page.getByRole('textbox', { name: 'Jeton secret' });
  await expect(secret).toHaveValue(/^lk_/);
  await expect(page.getByText(/il ne sera plus jamais affiché/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copier le jeton' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: "J'ai mis le jeton de côté" }).click();
  await expect(secret).toHaveCount(0);

  const row = table(page, "Mes jetons d'API").getByRole('row').filter({ hasText: tokenName });
  await expect(row).toContainText('Lecture seule');
  await expect(row).toContainText('Actif');
  await row.getByRole('button', { name: `Révoquer le jeton ${tokenName}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Révoquer le jeton « ${tokenName} » ?` });
  await confirm.getByRole('button', { name: 'Révoquer' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText('Révoqué le');
});
