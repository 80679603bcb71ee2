import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from '../auth/authErrors.ts';
import en from '../i18n/en.json';
import fr from '../i18n/shell.fr.json';
import { ApiError } from './api-error.ts';
import { errorOf, searchString } from './identity.ts';

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('errorOf', () => {
  it('keeps a problem document with its field errors and code', async () => {
    const error = await errorOf(
      json(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Données invalides.',
        code: 'VALIDATION',
        errors: [{ field: 'roles.0.centreId', message: 'Choisissez le centre.' }],
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION');
    expect(error.problem.detail).toBe('Données invalides.');
    expect(error.problem.errors).toEqual([
      { field: 'roles.0.centreId', message: 'Choisissez le centre.' },
    ]);
  });

  it('accepts `path` for a field error', async () => {
    const error = await errorOf(
      json(400, { type: 'x', title: 'x', status: 400, errors: [{ path: 'email', message: 'm' }] }),
    );
    expect(error.problem.errors).toEqual([{ field: 'email', message: 'm' }]);
  });

  it("turns the auth library's { code, message } into a problem", async () => {
    const error = await errorOf(
      json(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }),
    );
    expect(error.status).toBe(401);
    expect(error.code).toBe('INVALID_EMAIL_OR_PASSWORD');
    expect(error.problem.detail).toBe('Invalid email or password');
  });

  it('reads Retry-After in seconds, or from the body', async () => {
    const fromHeader = await errorOf(
      json(429, { type: 'x', title: 'Too Many Requests', status: 429 }, { 'Retry-After': '42' }),
    );
    expect(fromHeader.retryAfterSeconds).toBe(42);
    const fromBody = await errorOf(
      json(429, { type: 'x', title: 'Too Many Requests', status: 429, retryAfter: 7 }),
    );
    expect(fromBody.retryAfterSeconds).toBe(7);
  });

  it('survives a body that is not JSON', async () => {
    const error = await errorOf(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.status).toBe(502);
    expect(error.problem.type).toBe('about:blank');
  });
});

describe('searchString', () => {
  it('leaves unset filters out', () => {
    expect(searchString({ q: '', page: 2, active: false, centreId: undefined })).toBe(
      '?page=2&active=false',
    );
    expect(searchString({})).toBe('');
  });
});

describe('sign-in error messages', () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: 'fr',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const problem = (status: number, detail?: string, retryAfterSeconds?: number) =>
    new ApiError({ type: 'about:blank', title: 't', status, detail }, { retryAfterSeconds });

  it('say "incorrect" for a wrong password, whatever the library answered', () => {
    const t = i18n.getFixedT('fr');
    expect(signInErrorMessage(problem(401, 'Invalid email or password'), t, 'fr')).toBe(
      'Adresse e-mail ou mot de passe incorrect.',
    );
  });

  it("show the API's French words for a deactivated account and for throttling", () => {
    const t = i18n.getFixedT('fr');
    expect(signInErrorMessage(problem(403, 'Ce compte est désactivé.'), t, 'fr')).toBe(
      'Ce compte est désactivé.',
    );
    expect(
      signInErrorMessage(problem(429, 'Trop de tentatives… réessayez dans 30 secondes'), t, 'fr'),
    ).toBe('Trop de tentatives… réessayez dans 30 secondes');
  });

  it('fall back on the catalogs, with the wait from Retry-After', () => {
    const t = i18n.getFixedT('en');
    expect(signInErrorMessage(problem(429, 'Trop de tentatives', 30), t, 'en')).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
    expect(signInErrorMessage(problem(403, 'Ce compte est désactivé.'), t, 'en')).toMatch(
      /deactivated/,
    );
    expect(signInErrorMessage(new TypeError('Failed to fetch'), t, 'en')).toMatch(/failed/);
  });
});
