import { expect, test } from '@playwright/test';
import { customerSays, startDirectLine } from '../support/clients';

// The server answers codes; the rep reads them in the console's language (the `errors` catalogue),
// with the server's English message only as the tooltip.
test('in the Chinese console, a wrong password, a taken queue name and an empty queue read in Chinese', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const stamp = Date.now();

    // 1. InvalidCredentials (401) at sign-in.
    await page.goto('/sign-in');
    await page.getByLabel('邮箱').fill('ada@demo.test');
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录' }).click();
    const signInError = page.getByRole('alert').filter({ hasText: '邮箱或密码错误。' });
    await expect(signInError).toBeVisible();
    await expect(signInError.locator('[title]')).toHaveAttribute('title', 'Wrong email or password.');
    await page.getByLabel('密码').fill('demo-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('status', { name: '连接状态' })).toHaveText('已连接');

    // 2. QueueNameTaken (409): the default queue exists already.
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: '系统管理' })).toBeVisible();
    await page.getByLabel('队列名称').fill('General');
    await page.getByRole('button', { name: '创建队列' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '已存在同名队列。' })).toBeVisible();
    const empty = `空队列 ${stamp}`;
    await page.getByLabel('队列名称').fill(empty);
    await page.getByRole('button', { name: '创建队列' }).click();
    await expect(page.getByRole('group', { name: `${empty}（0 个等待中）` })).toBeVisible();

    // 3. QueueEmpty (409): transferring to a queue nobody works.
    const name = `转接客户 ${stamp}`;
    const user = { id: `errors-zh-${stamp}`, name };
    const start = await startDirectLine(user);
    await customerSays(start, '请帮我转接', user);
    await page.goto('/');
    await page.getByRole('button', { name: '待分配', exact: true }).click();
    await page.getByRole('list', { name: '会话' }).getByRole('link', { name: new RegExp(name) }).click();
    await page.getByRole('button', { name: '接受', exact: true }).click();
    await page.getByRole('button', { name: '转接', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '转接会话' });
    await dialog.getByLabel('转接给').selectOption({ label: empty });
    await dialog.getByRole('button', { name: '转接', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('该队列没有坐席。');
    await expect(dialog.getByRole('alert').locator('[title]')).toHaveAttribute('title', `Nobody works the ${empty} queue.`);
  } finally {
    await context.close();
  }
});
