import { expect } from '@playwright/test';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { testOnOwnApp } from '../support/e2e-own-app';
import { repSessions } from '../support/e2e-reps';

// A first-response target on General would count down in every other spec's inbox: a console of its own.
const test = testOnOwnApp();
const signIn = repSessions();

test('the inbox and /supervisor count down to the first-response target and say when it is breached', async ({ browser }) => {
  const ada = await ConsoleClient.signIn('ada@demo.test');
  const queues = (await ada.call('GET', '/api/console/admin/queues')).body.items as { id: string; name: string }[];
  const general = queues.find((queue) => queue.name === 'General')!;
  // The admin sets 1.5 minutes on the admin page.
  const admin = await signIn(browser, 'ada@demo.test');
  await admin.goto('/admin');
  const sla = admin.getByRole('form', { name: 'SLA targets of General' });
  await sla.getByLabel('First response target (minutes)').fill('1.5');
  await sla.getByRole('button', { name: 'Save SLA targets' }).click();
  await expect
    .poll(async () => ((await ada.call('GET', '/api/console/admin/queues')).body.items as { name: string; firstResponseTargetSeconds: number | null }[]).find((q) => q.name === 'General')?.firstResponseTargetSeconds)
    .toBe(90);

  const name = `SLA Customer ${Date.now()}`;
  const user = { id: `sla-${Date.now()}`, name };
  const start = await startDirectLine(user);
  await customerSays(start, 'Is anyone there?', user);

  const rep = await signIn(browser, 'alice@demo.test');
  await rep.getByRole('button', { name: 'Unassigned' }).click();
  const entry = rep.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) });
  // 90 s of an always-open queue: "2 min" rounded up, then seconds.
  await expect(entry).toContainText('SLA: 2 min left');

  const sam = await signIn(browser, 'sam@demo.test');
  await sam.goto('/supervisor');
  const row = sam.getByRole('table', { name: 'Active conversations' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(/SLA: \d+ (min|s) left/);

  // A second target for the next customer, short enough to pass here.
  expect((await ada.call('PATCH', `/api/console/admin/queues/${general.id}`, { firstResponseTargetSeconds: 2 })).status).toBe(200);
  const late = { id: `sla-late-${Date.now()}`, name: `Late Customer ${Date.now()}` };
  const lateStart = await startDirectLine(late);
  await customerSays(lateStart, 'Hello?', late);
  const lateEntry = rep.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(late.name) });
  await expect(lateEntry).toContainText('SLA breached', { timeout: 15_000 });
  await expect(sam.getByRole('table', { name: 'Active conversations' }).getByRole('row').filter({ hasText: late.name })).toContainText('SLA breached', {
    timeout: 15_000,
  });
});
