import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * Reps signed in each in a browser context of their own, closed with the test, passed or failed:
 * a rep left signed in would keep taking offers in later tests. Call once per spec file.
 */
export function repSessions(): (browser: Browser, email: string) => Promise<Page> {
  const contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  return async (browser, email) => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Live', { exact: true })).toBeVisible();
    return page;
  };
}
