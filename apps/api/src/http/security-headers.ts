import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/**
 * sha256 of react-aria's usePress style text (react-aria-components 1.22). The e2e journeys fail
 * on any CSP violation, so an upgrade that changes the text shows at once.
 */
export const REACT_ARIA_PRESS_STYLE = 'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o=';

const common: SecureHeadersOptions = {
  crossOriginResourcePolicy: 'same-origin',
  referrerPolicy: 'strict-origin-when-cross-origin',
  xFrameOptions: 'DENY',
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  permissionsPolicy: { camera: false, microphone: false, geolocation: false, payment: false },
};

/**
 * Strict headers everywhere. The hub runs under a CSP with no inline script and no third-party
 * origin; React Aria positions overlays with style attributes, hence `style-src-attr`.
 */
const strict = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // The one <style> React Aria injects (touch-action of pressable elements), by its hash.
    styleSrc: ["'self'", `'${REACT_ARIA_PRESS_STYLE}'`],
    styleSrcAttr: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

/** The API reference page loads its viewer from a CDN and configures it inline. */
const docs = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net'],
    styleSrc: ["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net', 'https://fonts.scalar.com'],
    fontSrc: ["'self'", 'data:', 'https://fonts.scalar.com', 'https://cdn.jsdelivr.net'],
    imgSrc: ["'self'", 'data:', 'https:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
  },
});

export const securityHeaders: MiddlewareHandler = (c, next) =>
  c.req.path === '/api/docs' ? docs(c, next) : strict(c, next);
