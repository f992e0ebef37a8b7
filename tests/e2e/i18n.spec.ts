import { expect, test, type BrowserContext } from '@playwright/test';
import { customerSays, directLine, startDirectLine } from '../support/clients';

// The console speaks English (the reference: its accessible names are the contract) and Simplified
// Chinese: the rep's `Language` choice (a cookie) first, else the browser's Accept-Language.

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

test('a browser that prefers Chinese gets the sign-in page and the console in Simplified Chinese', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();

  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByLabel('语言 / Language')).toHaveValue('zh-CN');
  await page.getByLabel('邮箱').fill('alice@demo.test');
  await page.getByLabel('密码').fill('demo-password');
  await page.getByRole('button', { name: '登录' }).click();

  const inbox = page.getByRole('list', { name: '会话' });
  await expect(inbox).toBeVisible();
  await expect(page.getByRole('status', { name: '连接状态' })).toHaveText('已连接');
  await expect(page).toHaveTitle(/坐席工作台$/);
  for (const filter of ['我的', '待分配', '全部']) await expect(page.getByRole('button', { name: filter, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();

  const name = `中文客户 ${Date.now()}`;
  const user = { id: `i18n-${Date.now()}`, name };
  const start = await startDirectLine(user);
  await customerSays(start, '你好，我想查询订单', user);

  const entry = inbox.getByRole('link', { name: new RegExp(name) });
  await expect(entry).toContainText('1 条未读');
  await expect(entry).toContainText(/排队中|分配中/);
  await page.getByRole('button', { name: '待分配', exact: true }).click();
  await inbox.getByRole('link', { name: new RegExp(name) }).click();

  const transcript = page.getByRole('log', { name: '会话记录' });
  await expect(transcript.getByRole('article', { name: `${name}：你好，我想查询订单` })).toBeVisible();
  await expect(page.getByText('接受会话后即可回复。')).toBeVisible();
  await page.getByRole('button', { name: '接受', exact: true }).click();
  await expect(transcript.getByRole('article', { name: 'Alice 接受了会话' })).toBeVisible();
  for (const action of ['转接', '咨询', '结束会话']) await expect(page.getByRole('button', { name: action, exact: true })).toBeVisible();

  // The customer types; the rep reads it in Chinese.
  const typing = await directLine(`/conversations/${start.conversationId}/activities`, { method: 'POST', auth: start.token, body: { type: 'typing', from: user } });
  expect(typing.status).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: `${name} 正在输入` })).toBeVisible();

  const box = page.getByRole('textbox', { name: '消息' });
  await expect(box).toHaveAttribute('placeholder', '输入回复 — Enter 发送，Shift+Enter 换行');
  await expect(page.getByLabel('添加附件')).toBeAttached();
  await box.fill('您好，请提供订单号。');
  await page.getByRole('button', { name: '发送', exact: true }).click();
  await expect(transcript.getByRole('article', { name: 'Alice：您好，请提供订单号。' })).toContainText(/已发送|已送达|已读/);
});

test('the Language select switches to 简体中文 and back, and the choice survives a reload', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  const html = page.locator('html');

  await page.goto('/sign-in');
  await expect(html).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption({ label: '简体中文' });
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  const cookie = (await context.cookies()).find((item) => item.name === 'console_locale');
  expect(cookie).toMatchObject({ value: 'zh-CN', path: '/', sameSite: 'Lax' });
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(360 * 24 * 3600 * 1000);

  await page.reload();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.getByLabel('邮箱').fill('bob@demo.test');
  await page.getByLabel('密码').fill('demo-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('list', { name: '会话' })).toBeVisible();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();

  // Back to English, from the console's header this time; a reload keeps it.
  const language = page.getByLabel('Language');
  await expect(language).toHaveValue('zh-CN');
  await language.selectOption({ label: 'English' });
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('list', { name: 'Conversations' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Language')).toHaveValue('en');
  expect((await context.cookies()).find((item) => item.name === 'console_locale')?.value).toBe('en');
});
