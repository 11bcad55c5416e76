import { existsSync } from 'node:fs';

/** The system Chromium (Debian's package), or CHROMIUM_PATH; Playwright's own browser download is never used. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** Why browser tests cannot run here, or null when they can. Under CI a missing browser is a failure, not a skip. */
export function browserUnavailableReason(): string | null {
  if (chromiumPath()) return null;
  const reason = 'no Chromium found (install Debian\'s chromium or set CHROMIUM_PATH)';
  if (process.env.CI === 'true') throw new Error(`browser tests cannot run under CI: ${reason}`);
  return reason;
}

/** Flags for a headless Chromium on a closed network: no background traffic, no first-run, no sandbox as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
