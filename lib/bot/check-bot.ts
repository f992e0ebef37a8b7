// An administrator's "Check bot": the console sends the bot a signed `conversationUpdate` (the bot
// itself joining a conversation, as a channel announces a new conversation; stock bots greet only
// other members, so it makes them answer without writing back) and reports how the bot answered.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { publicUrl } from '../config/env';
import { db as defaultDb, type Db } from '../db/client';
import type { BotCheckResult } from '../protocol/console/bots';
import { channelTokenForBot } from './channel-token';
import { currentSigningKey } from './signing-keys';

/** A bot that has not answered within this is as good as down (the same limit deliveries to bots have). */
export const BOT_ANSWER_TIMEOUT_MS = 10_000;

export async function checkBot(target: { endpoint: string; appId: string }, db: Db = defaultDb()): Promise<BotCheckResult> {
  const serviceUrl = publicUrl();
  const token = await channelTokenForBot({ appId: target.appId, serviceUrl }, db);
  const { kid } = await currentSigningKey(db);
  const bot = { id: target.appId, role: 'bot' };
  const activity = {
    type: 'conversationUpdate',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'directline',
    serviceUrl,
    conversation: { id: `console-check-${randomUUID()}` },
    from: { id: 'agent-console', name: 'Agent console', role: 'user' },
    recipient: bot,
    membersAdded: [bot],
  };
  try {
    const response = await fetch(target.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
      redirect: 'manual',
      signal: AbortSignal.timeout(BOT_ANSWER_TIMEOUT_MS),
    });
    await response.body?.cancel();
    const outcome = response.ok ? 'accepted' : response.status === 401 || response.status === 403 ? 'refused' : 'failed';
    return { outcome, status: response.status, kid };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { outcome: timedOut ? 'timeout' : 'unreachable', status: null, kid };
  }
}
