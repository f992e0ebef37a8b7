import { expect, test } from '@playwright/test';
import { customerSays, startDirectLine } from '../support/clients';

test('the inbox is virtualised and pages by keyset as it scrolls: every conversation once, few in the page at a time', async ({ page }) => {
  test.setTimeout(90_000);
  const tag = `pager${Date.now()}`;
  for (let i = 0; i < 101; i++) {
    const start = await startDirectLine({ id: `${tag}-${i}`, name: `${tag} customer ${i}` });
    await customerSays(start, `${tag} question ${i}`, { id: `${tag}-${i}`, name: `${tag} customer ${i}` });
  }
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('alice@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const inbox = page.getByRole('list', { name: 'Conversations' });
  await expect(inbox.getByRole('link').first()).toBeVisible();
  // The unfiltered list may show 100 of these conversations too: wait for the search's own answer.
  const searched = page.waitForResponse((response) => response.url().includes(`q=${tag}`) && !response.url().includes('cursor='));
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill(tag);
  await searched;
  await expect(inbox.getByRole('link', { name: new RegExp(`${tag} customer 100\\b`) })).toBeVisible();
  // Only what is on screen is in the page, not all 100 of the first page.
  expect(await inbox.getByRole('link').count()).toBeLessThan(40);
  await expect(inbox.getByRole('button', { name: 'Load more' })).toBeVisible();

  // Scrolling to the end fetches the next keyset page by itself; the last entry is the oldest.
  const nextPage = page.waitForResponse((response) => response.url().includes(`q=${tag}`) && response.url().includes('cursor='));
  await inbox.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await nextPage;
  await inbox.evaluate((element) => (element.scrollTop = element.scrollHeight));
  const oldest = inbox.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`${tag} customer 0\\b`) }) });
  await expect(oldest).toBeVisible();
  await expect(oldest).toHaveAttribute('aria-posinset', '101');
  await expect(oldest).toHaveAttribute('aria-setsize', '101');
  await expect(inbox.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  expect(await inbox.getByRole('link').count()).toBeLessThan(40);
});
