import { expect, test } from '@playwright/test';
import { customerSays, startDirectLine } from '../support/clients';

test('the inbox pages by keyset: Load more brings the rest, none twice', async ({ page }) => {
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
  await expect(inbox.getByRole('link')).toHaveCount(100);
  await inbox.getByRole('button', { name: 'Load more' }).click();
  await expect(inbox.getByRole('link')).toHaveCount(101);
  await expect(inbox.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  await expect(inbox.getByRole('link', { name: new RegExp(`${tag} customer 0\\b`) })).toBeVisible();
});
