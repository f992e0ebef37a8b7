// The routing tick's bot step: a handoff no rep took within HANDOFF_WAIT_SECONDS tells the bot
// `failed` (the conversation stays in its queue: a rep may still take it, and the bot then hears
// `accepted`); a conversation the bot holds with no activity for BOT_IDLE_MINUTES closes as a
// bot-only resolution (docs/metrics.md).
import type { Tx } from '../../db/client';
import { env } from '../../config/env';
import { publishConversationChange } from '../publish';
import { botResolved } from './bot-resolved';
import { storedHandoff } from './stored-handoff';
import { tellBot } from './tell-bot';

export async function checkBotConversations(tx: Tx, now: Date, batch: number): Promise<number> {
  const { HANDOFF_WAIT_SECONDS: waitSeconds, BOT_IDLE_MINUTES: idleMinutes } = env();
  const waiting = await tx.conversation.findMany({
    where: { state: { in: ['queued', 'offered'] }, handoff: { path: ['kind'], equals: 'handoff' }, queuedAt: { lte: new Date(now.getTime() - waitSeconds * 1000) } },
    select: { id: true, handoff: true },
    orderBy: { queuedAt: 'asc' },
    take: batch,
  });
  let changed = 0;
  for (const conversation of waiting) {
    if (storedHandoff(conversation.handoff)?.told.includes('failed')) continue;
    const minutes = Math.round(waitSeconds / 60);
    const told = await tellBot(tx, conversation.id, 'failed', `No one took the conversation within ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`);
    if (told) {
      await publishConversationChange(tx, conversation.id, [told]);
      changed++;
    }
  }
  const idle = await tx.conversation.findMany({
    where: { state: 'bot', lastActivityAt: { lte: new Date(now.getTime() - idleMinutes * 60_000) } },
    select: { id: true },
    take: batch,
  });
  for (const conversation of idle) if (await botResolved(tx, conversation.id, 'idle')) changed++;
  return changed;
}
