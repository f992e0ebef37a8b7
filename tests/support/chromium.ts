// The Chromium the end-to-end tests drive: Debian's by default (no browser download on our machines).
import { existsSync } from 'node:fs';

export function chromiumPath(): string {
  return process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
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
    'or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary (e.g. the one `npx playwright install chromium` downloads).',
  ].join('\n');
}
