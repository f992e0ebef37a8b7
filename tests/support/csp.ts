// Content-Security-Policy violations a page reports, for end-to-end tests.
import type { BrowserContext, Page } from '@playwright/test';

/** Records every CSP violation the page reports, from the first script on. */
export async function watchViolations(context: BrowserContext): Promise<(page: Page) => Promise<string[]>> {
  const logged: string[] = [];
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as { __cspViolations?: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  return async (page) => [...logged, ...((await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)) ?? [])];
}
