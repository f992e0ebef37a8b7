import { expect, test, type Page } from '@playwright/test';
import { acceptConversation, customerWrites, signIn } from '../support/console-page';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });

async function runCommand(page: Page, search: string, option: string | RegExp) {
  await page.keyboard.press('Control+K');
  await expect(palette(page)).toBeVisible();
  const input = palette(page).getByRole('combobox', { name: 'Search commands' });
  await expect(input).toBeFocused();
  await input.fill(search);
  await expect(palette(page).getByRole('option', { selected: true })).toHaveText(option);
  await input.press('Enter');
  await expect(palette(page)).toBeHidden();
}

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('dark'));

test('Ctrl+K runs commands: inbox filters, a conversation by name, theme, shortcuts, sign out', async ({ page }) => {
  const stamp = Date.now();
  const name = `Palette Customer ${stamp}`;
  await customerWrites(name, 'hello from the palette test');
  await signIn(page, 'alice@demo.test');

  await runCommand(page, 'unassigned', /^Go to Unassigned/);
  await expect(page.getByRole('button', { name: 'Unassigned' })).toHaveAttribute('aria-pressed', 'true');
  await runCommand(page, 'go to mine', /^Go to Mine/);
  await expect(page.getByRole('button', { name: 'Mine' })).toHaveAttribute('aria-pressed', 'true');

  await runCommand(page, `customer ${stamp}`, new RegExp(`^${name}`));
  await expect(page).toHaveURL(/\?c=/);
  await expect(page.getByRole('region', { name: `Conversation with ${name}` })).toBeVisible();

  // Escape closes without running anything; Cmd+K opens it too.
  await page.keyboard.press('Meta+K');
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();

  const before = await isDark(page);
  await runCommand(page, 'theme', /^Toggle theme/);
  expect(await isDark(page)).toBe(!before);
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe(before ? 'light' : 'dark');

  await runCommand(page, 'shortcuts', /^Show keyboard shortcuts/);
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Command palette');
  await expect(sheet).toContainText('Canned responses');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await runCommand(page, 'sign out', /^Sign out/);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('the theme follows the OS until the rep picks one, which is kept and applied before paint', async ({ page }) => {
  // Records the <html> class at the moment <body> first exists: before anything is painted.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body) {
        (window as unknown as { __classAtBody: string }).__classAtBody = document.documentElement.className;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const classAtBody = () => page.evaluate(() => (window as unknown as { __classAtBody?: string }).__classAtBody);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/sign-in');
  expect(await classAtBody()).toContain('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => isDark(page)).toBe(false);

  const name = `Theme Customer ${Date.now()}`;
  await customerWrites(name, 'lights please');
  await signIn(page, 'alice@demo.test');
  await acceptConversation(page, name);
  const lightBackground = await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  await page.getByRole('button', { name: 'Theme' }).click();
  expect(await isDark(page)).toBe(true);
  await expect(page.locator('body')).not.toHaveCSS('background-color', lightBackground);
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');

  // The choice wins over the OS preference, from the first paint on.
  await page.reload();
  expect(await classAtBody()).toContain('dark');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  expect(await isDark(page)).toBe(true);
  await page.getByRole('button', { name: 'Theme' }).click();
  expect(await isDark(page)).toBe(false);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  expect(await classAtBody()).not.toContain('dark');
});
