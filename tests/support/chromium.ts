// The Chromium the end-to-end tests drive: PLAYWRIGHT_CHROMIUM_PATH when set, else Debian's (no browser
// download on our machines), else the one `npx playwright install chromium` downloaded, if it did.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const downloaded = chromium.executablePath();
  return existsSync(downloaded) ? downloaded : DEBIAN_CHROMIUM;
}

/** Why the end-to-end tests cannot start, with the one command that fixes it; null when Chromium is there. */
export function missingChromium(): string | null {
  const path = chromiumPath();
  if (existsSync(path)) return null;
  return [
    `Chromium is not installed at ${path}, and the end-to-end tests need it. Install it with:`,
    '',
    '  sudo apt-get install -y chromium',
    '',
    'or run `npx playwright install chromium` where the Internet is reachable (npm test then finds that one),',
    'or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary.',
  ].join('\n');
}
