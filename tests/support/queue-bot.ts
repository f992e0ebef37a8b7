// The people and the queue of the bot tests (issue 19): an administrator gives the General queue a
// fresh real bot (tests/support/handoff-bot.ts); Alice is available to take handoffs.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ConsoleClient } from './clients';
import { HandoffBot } from './handoff-bot';
import { baseUrl } from './test-env';

export interface BotTeam {
  ada: ConsoleClient;
  alice: ConsoleClient;
  sam: ConsoleClient;
  generalId: string;
}

export async function signInBotTeam(): Promise<BotTeam> {
  const ada = await ConsoleClient.signIn('ada@demo.test');
  const alice = await ConsoleClient.signIn('alice@demo.test');
  const sam = await ConsoleClient.signIn('sam@demo.test');
  const queues = await ada.call('GET', '/api/console/admin/queues');
  const generalId = (queues.body.items as { id: string; name: string }[]).find((q) => q.name === 'General')!.id;
  await alice.call('PUT', '/api/console/me/presence', { presence: 'available' });
  return { ada, alice, sam, generalId };
}

/** Starts a bot with a new app id and makes it the General queue's own. */
export async function startGeneralBot(team: BotTeam): Promise<{ bot: HandoffBot; appId: string }> {
  const appId = `bot-${randomUUID()}`;
  const bot = await HandoffBot.start({ appId, issuer: baseUrl(), skill: 'General' });
  const answer = await team.ada.call('PATCH', `/api/console/admin/queues/${team.generalId}`, { bot: { mode: 'own', endpoint: bot.endpoint, appId } });
  expect(answer.status).toBe(200);
  expect(answer.body.bot).toEqual({ mode: 'own', endpoint: bot.endpoint, appId });
  return { bot, appId };
}
