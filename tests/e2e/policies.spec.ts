// The console shows a command exactly when the server would take it (lib/shared/policies.ts): for
// each rep, every button hidden is a command the API refuses with 403, and a button shown is one
// it carries out.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { repSessions } from '../support/e2e-reps';

const signIn = repSessions();

/** What each button asks the server, for a conversation. */
const COMMANDS = {
  Transfer: (id: string, to: { agentId: string }) => ['POST', `/api/console/conversations/${id}/transfer`, to] as const,
  Consult: (id: string, to: { agentId: string }) => ['POST', `/api/console/conversations/${id}/consult`, to] as const,
  'End conversation': (id: string) => ['POST', `/api/console/conversations/${id}/close`, {}] as const,
  'Force close': (id: string) => ['POST', `/api/console/conversations/${id}/close`, { force: true, note: 'policy check' }] as const,
  'Take over': (id: string, to: { agentId: string }) => ['POST', `/api/console/conversations/${id}/assign`, to] as const,
};
type Button = keyof typeof COMMANDS;

async function buttonsShown(page: Page, conversationId: string, customer: string): Promise<Button[]> {
  await page.goto(`/?c=${encodeURIComponent(conversationId)}`);
  const pane = page.getByRole('region', { name: `Conversation with ${customer}` });
  await expect(pane.getByRole('heading', { name: customer })).toBeVisible();
  // The actions render with the header: once the transcript shows, every button there is rendered.
  await expect(pane.getByRole('log', { name: 'Transcript' })).toBeVisible();
  const shown: Button[] = [];
  for (const name of Object.keys(COMMANDS) as Button[]) {
    if (await pane.getByRole('button', { name, exact: true }).isVisible()) shown.push(name);
  }
  return shown;
}

test('each rep sees the commands the server takes from them, and no other', async ({ browser }) => {
  test.setTimeout(90_000);
  const customer = `Policy Customer ${Date.now()}`;
  const user = { id: `policy-${randomUUID()}`, name: customer };
  const start = await startDirectLine(user);
  await customerSays(start, 'who can help me?', user);
  const id = start.conversationId;

  const [alice, bob, sam] = await Promise.all([ConsoleClient.signIn('alice@demo.test'), ConsoleClient.signIn('bob@demo.test'), ConsoleClient.signIn('sam@demo.test')]);
  expect((await alice.call('POST', `/api/console/conversations/${id}/accept`, {})).status).toBe(200);
  const directory = (await sam.call('GET', '/api/console/directory')).body as { agents: { id: string; displayName: string }[] };
  const idOf = (name: string) => directory.agents.find((agent) => agent.displayName === name)!.id;
  const target = { agentId: idOf('Bob') };

  // Bob works the same queue and sees the conversation, but it is Alice's: nothing to do on it.
  const bobSees = await buttonsShown(await signIn(browser, 'bob@demo.test'), id, customer);
  expect(bobSees).toEqual([]);
  for (const name of Object.keys(COMMANDS) as Button[]) {
    const [method, path, body] = COMMANDS[name](id, { agentId: idOf('Alice') });
    expect((await bob.call(method, path, body)).status, `Bob: ${name}`).toBe(403);
  }

  // Alice owns it: Transfer, Consult and End; not a supervisor's Force close or Take over.
  const aliceSees = await buttonsShown(await signIn(browser, 'alice@demo.test'), id, customer);
  expect(aliceSees).toEqual(['Transfer', 'Consult', 'End conversation']);
  for (const name of ['Force close', 'Take over'] as const) {
    const [method, path, body] = COMMANDS[name](id, { agentId: idOf('Alice') });
    expect((await alice.call(method, path, body)).status, `Alice: ${name}`).toBe(403);
  }

  // Sam supervises: Transfer, Take over and Force close; Consult and End are the owner's.
  const samSees = await buttonsShown(await signIn(browser, 'sam@demo.test'), id, customer);
  expect(samSees).toEqual(['Transfer', 'Force close', 'Take over']);
  for (const name of ['Consult', 'End conversation'] as const) {
    const [method, path, body] = COMMANDS[name](id, target);
    expect((await sam.call(method, path, body)).status, `Sam: ${name}`).toBe(403);
  }
  const [method, path, body] = COMMANDS['Force close'](id);
  expect((await sam.call(method, path, body)).status).toBe(200);
});
