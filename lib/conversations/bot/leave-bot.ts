// A conversation its bot held goes to its queue, like a new one: a new episode (docs/metrics.md),
// the reason kept beside it for reps (`Conversation.handoff`), from now on customer activities go
// to reps only (the ingest statement sends to the bot only in state `bot`).
import type { Tx } from '../../db/client';
import type { Conversation } from '../../db/generated/client';
import type { Handoff } from '../../protocol/console/bot';
import { handoffJson } from './stored-handoff';

/** False when the bot no longer holds the conversation (a handoff, a failure or a rep got there first). */
export async function leaveBot(
  tx: Tx,
  conversation: Pick<Conversation, 'id' | 'episode' | 'lastSeq' | 'channelId' | 'queueId' | 'version'>,
  input: { handoff: Handoff; queueId?: string | null; at: Date },
): Promise<boolean> {
  const queueId = input.queueId ?? conversation.queueId;
  const number = conversation.episode + 1;
  const moved = await tx.conversation.updateMany({
    where: { id: conversation.id, state: 'bot' },
    data: {
      state: 'queued',
      queueId,
      queuedAt: input.at,
      ownerId: null,
      episode: number,
      handoff: handoffJson(input.handoff),
      version: { increment: 1 },
    },
  });
  if (moved.count === 0) return false;
  const botSpoke = await tx.activity.count({
    where: { conversationId: conversation.id, direction: 'outbound', fromRole: 'bot', seq: { gt: await lastEpisodeEnd(tx, conversation.id) } },
  });
  await tx.episode.create({
    data: {
      conversationId: conversation.id,
      number,
      source: input.handoff.kind === 'handoff' ? 'handoff' : number === 1 ? 'first_message' : 'reopen',
      queueId,
      channelId: conversation.channelId,
      startSeq: conversation.lastSeq,
      answeredSeq: conversation.lastSeq,
      queuedAt: input.at,
      // A handoff always follows the bot's part; a failing bot may not have said anything.
      botHandled: input.handoff.kind === 'handoff' || botSpoke > 0,
    },
  });
  return true;
}

/** The last seq of the conversation's previous episodes: what the bot said since is this stay's. */
async function lastEpisodeEnd(tx: Tx, conversationId: string): Promise<number> {
  const previous = await tx.episode.findFirst({ where: { conversationId }, orderBy: { number: 'desc' }, select: { startSeq: true } });
  return previous?.startSeq ?? 0;
}
