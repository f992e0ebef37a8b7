import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { acceptConversation, customerWrites, signIn } from '../support/console-page';

// axe runs its checks as script injected into the page, which the console's strict CSP refuses
// (content-security-policy.spec.ts checks the policy itself).
test.use({ bypassCSP: true });

/** Every serious or critical axe violation on the page, one line each (empty when there are none). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
}

async function switchTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((value) => localStorage.setItem('theme', value), theme);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

/** Checks the page in the light theme, then in the dark one, once `ready` holds after each reload. */
async function expectAccessibleInBothThemes(page: Page, ready: () => Promise<void>) {
  for (const theme of ['light', 'dark'] as const) {
    await switchTheme(page, theme);
    await ready();
    expect(await seriousViolations(page), theme).toEqual([]);
  }
}

test('the sign-in page has no serious accessibility violations, light or dark', async ({ page }) => {
  await page.goto('/sign-in');
  await expectAccessibleInBothThemes(page, () => expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible());
});

test('the console with a conversation open has no serious accessibility violations, light or dark', async ({ page }) => {
  const name = `Axe Customer ${Date.now()}`;
  await customerWrites(name, 'Is this page accessible?');
  await signIn(page, 'alice@demo.test');
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) }).click();
  await expect(page.getByRole('button', { name: 'Accept' })).toBeVisible();
  await expectAccessibleInBothThemes(page, () => expect(page.getByRole('button', { name: 'Accept' })).toBeVisible());
  await acceptConversation(page, name);
  await page.getByRole('textbox', { name: 'Message' }).fill('It should be.');
  await page.getByRole('button', { name: 'Send' }).click();
  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript.getByRole('article', { name: 'Alice: It should be.' })).toContainText(/Sent|Delivered|Read/);
  await expectAccessibleInBothThemes(page, async () => {
    await expect(transcript.getByRole('article', { name: 'Alice: It should be.' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Live');
  });

  // With the canned responses list and then the command palette open (dark theme).
  await page.getByRole('textbox', { name: 'Message' }).fill('/');
  await expect(page.getByRole('listbox', { name: 'Canned responses' })).toBeVisible();
  expect(await seriousViolations(page), 'canned responses').toEqual([]);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search commands' }).fill('go');
  await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('option')).toHaveCount(3);
  expect(await seriousViolations(page), 'command palette').toEqual([]);
});

test('the supervisor page has no serious accessibility violations, light or dark', async ({ page }) => {
  await signIn(page, 'sam@demo.test');
  await page.goto('/supervisor');
  await expectAccessibleInBothThemes(page, () => expect(page.getByRole('heading', { name: 'Supervisor' })).toBeVisible());
});

test('the reports page has no serious accessibility violations, light or dark', async ({ page }) => {
  await signIn(page, 'sam@demo.test');
  await page.goto('/reports');
  await expectAccessibleInBothThemes(page, () => expect(page.getByRole('table', { name: 'Per queue' })).toBeVisible());
});

test('the admin page has no serious accessibility violations, light or dark', async ({ page }) => {
  await signIn(page, 'ada@demo.test');
  await page.goto('/admin');
  await expectAccessibleInBothThemes(page, () => expect(page.getByRole('table', { name: 'Signing keys' })).toBeVisible());
});

test('the check itself fails on a serious violation', async ({ page }) => {
  await page.goto('/sign-in');
  // After hydration: React may otherwise re-render <main> and drop the nameless button before axe runs.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await page.evaluate(() => document.querySelector('main')?.append(document.createElement('button')));
  await expect(page.locator('main > button:not([type])')).toHaveCount(1);
  expect((await seriousViolations(page)).some((line) => line.startsWith('button-name (critical)'))).toBe(true);
});
