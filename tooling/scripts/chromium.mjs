// Finds a Chromium for Playwright, Vitest's browser mode and Storybook's interaction tests.
// Order: $CHROMIUM_PATH, the system's Chromium (Debian's `chromium`), then the browser that
// `npx playwright install chromium` downloads on a laptop. Returns null when there is none.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Flags that keep a headless Chromium quiet on a machine without outside network, and as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function playwrightsOwnChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** @returns {string | null} */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return SYSTEM_PATHS.find((p) => existsSync(p)) ?? playwrightsOwnChromium();
}

/** Launch options for Playwright; the bundled browser needs no path. */
export function chromiumLaunchOptions() {
  const executablePath = findChromium();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}

export const INSTALL_HINT = [
  'Aucun Chromium trouvé : les tests dans le navigateur ne peuvent pas tourner.',
  'No Chromium found: browser tests cannot run. Install one of:',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium',
  '  - any system:    pnpm --filter @lakou/e2e exec playwright install chromium',
  '  - or point CHROMIUM_PATH at a Chromium or Chrome executable.',
].join('\n');
