import { expect, test, type BrowserContext } from '@playwright/test';
import { ConsoleClient } from '../support/clients';
import { customerWrites, signIn } from '../support/console-page';
import { watchViolations } from '../support/csp';
import { parseCsv } from '../support/csv';

// /reports: supervisors and administrators read the period's figures, open the episodes behind a
// figure and export the same rows as CSV (CONTRACT.md "Reports"); agents are refused.

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newContext(browser: import('@playwright/test').Browser, options: { locale?: string } = {}) {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context;
}

/** A Direct Line customer's conversation Alice accepts, answers and closes: one finished episode. */
async function servedConversation(name: string) {
  const start = await customerWrites(name, 'My invoice is wrong');
  const alice = await ConsoleClient.signIn('alice@demo.test');
  const path = `/api/console/conversations/${start.conversationId}`;
  expect((await alice.call('POST', `${path}/accept`, {})).status).toBe(200);
  expect((await alice.call('POST', `${path}/messages`, { text: 'Let me check that for you.', clientId: `report-${Date.now()}` })).status).toBe(201);
  expect((await alice.call('POST', `${path}/close`, {})).status).toBe(200);
  const me = await alice.call('GET', '/api/console/me');
  return { conversationId: start.conversationId, agentName: me.body.agent.displayName as string };
}

test('a supervisor reads the figures, opens the episodes behind a queue and exports the same rows as CSV', async ({ browser }) => {
  test.setTimeout(90_000);
  const customer = `Report Customer ${Date.now()}`;
  const served = await servedConversation(customer);

  const context = await newContext(browser);
  const violations = await watchViolations(context);
  const page = await context.newPage();
  await signIn(page, 'sam@demo.test');
  await page.getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

  await page.getByRole('group', { name: 'Period presets' }).getByRole('button', { name: 'Today' }).click();
  const today = new Date().toISOString().slice(0, 10);
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
  await page.getByRole('combobox', { name: 'Queue', exact: true }).selectOption({ label: 'General' });
  await expect(page).toHaveURL(/queue=/);

  const overall = page.getByRole('region', { name: 'Figures of the period' });
  await expect(overall).not.toHaveAttribute('aria-busy', 'true');
  const episodes = Number(await overall.getByRole('group', { name: 'Episodes', exact: true }).locator('strong').textContent());
  expect(episodes).toBeGreaterThanOrEqual(1);
  await expect(overall.getByRole('table', { name: 'Times' }).getByRole('row', { name: /First response/ })).toBeVisible();

  const perQueue = page.getByRole('table', { name: 'Per queue' });
  const general = perQueue.getByRole('row', { name: /^General/ });
  await expect(general.getByRole('cell').nth(1)).toHaveText(String(episodes));
  await expect(page.getByRole('table', { name: 'Per agent' }).getByRole('row', { name: new RegExp(`^${served.agentName}`) })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Chart: episodes and first-response median/ })).toBeVisible();

  // Drill down: the General row's episodes, the served conversation among them, linking to it.
  await general.getByRole('button', { name: 'General' }).click();
  const drilled = page.getByRole('table', { name: 'Episodes: General' });
  await expect(drilled.getByRole('row')).toHaveCount(episodes + 1);
  const row = drilled.getByRole('row', { name: new RegExp(customer) });
  await expect(row).toContainText(served.agentName);
  await expect(row.getByRole('link', { name: customer })).toHaveAttribute('href', `/?c=${encodeURIComponent(served.conversationId)}`);

  // Export CSV: the same filters, the same rows.
  const csvLink = page.getByRole('link', { name: 'Export CSV' });
  const href = await csvLink.getAttribute('href');
  expect(href).toContain(`from=${today}`);
  expect(href).toContain('queue=');
  const csv = await page.request.get(new URL(href!, page.url()).toString());
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  const [header, ...rows] = parseCsv(await csv.text());
  expect(rows).toHaveLength(episodes);
  const column = (name: string) => header!.indexOf(name);
  const ours = rows.find((line) => line[column('conversation_id')] === served.conversationId);
  expect(ours?.[column('queue')]).toBe('General');
  expect(ours?.[column('agent')]).toBe(served.agentName);
  expect(ours?.[column('first_response_seconds')]).toMatch(/^\d+(\.\d+)?$/);

  const json = await page.request.get(new URL((await page.getByRole('link', { name: 'Rows as JSON' }).getAttribute('href'))!, page.url()).toString());
  expect(((await json.json()) as { items: unknown[] }).items).toHaveLength(episodes);
  expect(await violations(page)).toEqual([]);
});

test('an agent is refused the reports and is not offered the link', async ({ browser }) => {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, 'alice@demo.test');
  await expect(page.getByRole('link', { name: 'Reports', exact: true })).toHaveCount(0);
  await page.goto('/reports');
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Reports are for supervisors and administrators.');
  await expect(page.getByRole('heading', { name: 'Reports' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
});

test('the reports page speaks Chinese to a supervisor whose browser prefers it', async ({ browser }) => {
  const page = await (await newContext(browser, { locale: 'zh-CN' })).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill('sam@demo.test');
  await page.getByLabel('密码').fill('demo-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('list', { name: '会话' })).toBeVisible();
  await page.getByRole('link', { name: '报表', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '报表' })).toBeVisible();
  await expect(page.getByRole('link', { name: '导出 CSV' })).toBeVisible();
  await expect(page.getByRole('region', { name: '本时段指标' }).getByRole('group', { name: '会话段', exact: true })).toBeVisible();
});
