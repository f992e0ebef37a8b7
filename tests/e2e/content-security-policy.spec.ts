import { expect, test } from '@playwright/test';
import { acceptConversation, customerWrites, signIn } from '../support/console-page';
import { customerSays } from '../support/clients';
import { watchViolations } from '../support/csp';

test('the console runs under a strict CSP without a single violation, and customer script stays text', async ({ browser }) => {
  const context = await browser.newContext();
  const violations = await watchViolations(context);
  const page = await context.newPage();
  const name = `Csp Customer ${Date.now()}`;
  const start = await customerWrites(name, 'hello under CSP');
  await customerSays(start, '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> [x](javascript:window.__pwned=3)', {
    id: `user-${name.replace(/\W+/g, '-')}`,
    name,
  });

  const response = await page.goto('/sign-in');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');

  await signIn(page, 'alice@demo.test');
  await acceptConversation(page, name);
  const transcript = page.getByRole('log', { name: 'Transcript' });
  const hostile = transcript.getByRole('article').filter({ hasText: '<script>window.__pwned = 1</script>' });
  await expect(hostile).toBeVisible();
  await expect(hostile.locator('img')).toHaveCount(0);
  const link = hostile.getByRole('link', { name: 'x' });
  if (await link.count()) expect(await link.getAttribute('href')).not.toMatch(/^javascript:/i);
  await page.getByRole('textbox', { name: 'Message' }).fill('Hello from a strict page');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(transcript.getByRole('article').filter({ hasText: 'Hello from a strict page' })).toContainText('Sent');
  await page.getByRole('button', { name: 'Theme' }).click();
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByRole('log', { name: 'Transcript' })).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await violations(page)).toEqual([]);
  // And the policy does hold: an inline handler injected into the page is refused, and reported.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img alt="" src="/no-such-image" onerror="window.__pwned = 4">'));
  await expect.poll(async () => (await violations(page)).join('\n')).toContain('script-src');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await context.close();
});

test('Web Chat on /demo works under the CSP without a violation', async ({ browser }) => {
  const context = await browser.newContext();
  const violations = await watchViolations(context);
  const page = await context.newPage();
  const response = await page.goto(`/demo?name=${encodeURIComponent(`Csp Demo ${Date.now()}`)}`);
  expect(response!.headers()['content-security-policy']).toContain("'strict-dynamic'");
  await expect(page.getByText('Connectivity Status: Connected')).toBeAttached();
  const sendBox = page.getByRole('textbox', { name: 'Message input box' });
  await sendBox.fill('Hello under CSP');
  await sendBox.press('Enter');
  await expect(page.getByRole('feed').getByRole('article', { name: /You said: Hello under CSP/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await context.close();
});
