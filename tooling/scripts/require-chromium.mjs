// Fails loudly (never skips) when no Chromium can run the browser tests.
import { findChromium, INSTALL_HINT } from './chromium.mjs';

const path = findChromium();
if (!path) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
