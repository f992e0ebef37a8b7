// The bot could not take a customer's activity (unreachable, 5xx, no answer in time, its tries
// spent): the conversation goes to reps at once, with the reason. What the customer wrote stays in
// the transcript; what was still waiting for the bot is not sent to it any more.
import { db as defaultDb, type Db } from '../../db/client';
import { transaction } from '../../db/transaction';
import { publishConversationChange } from '../publish';
import { leaveBot } from './leave-bot';

export async function botUnavailable(input: { conversationId: string; botChannelId: string; reason: string }, db: Db = defaultDb()): Promise<void> {
  await transaction(db, async (tx) => {
    const conversation = await tx.conversation.findUnique({ where: { id: input.conversationId }, include: { botChannel: { select: { name: true } } } });
    if (!conversation || conversation.state !== 'bot' || conversation.botChannelId !== input.botChannelId) return;
    const at = new Date();
    const reason = `The bot could not be reached: ${input.reason}`;
    const left = await leaveBot(tx, conversation, {
      at,
      handoff: { kind: 'fallback', at: at.toISOString(), botAppId: conversation.botChannel?.name ?? null, context: null, transcript: null, reason, told: [] },
    });
    if (!left) return;
    await tx.delivery.updateMany({
      where: { conversationId: conversation.id, channelId: input.botChannelId, status: 'pending' },
      data: { status: 'failed', lastError: 'Not sent: the bot failed and the conversation went to reps', finishedAt: at },
    });
    await publishConversationChange(tx, conversation.id);
  });
}
