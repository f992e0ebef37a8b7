// `Return to bot`: the rep gives a conversation back to the bot that held it before reps. The
// episode ends here (docs/metrics.md); the bot hears `handoff.status` `completed` when it had handed
// the conversation over, and from now on hears the customer again.
import { db as defaultDb, type Db } from '../../db/client';
import { Prisma } from '../../db/generated/client';
import { episodeClosed } from '../../db/sql/episodes';
import { transaction } from '../../db/transaction';
import { conflict, forbidden } from '../../errors/app-error';
import { canReturnToBot } from '../../shared/policies';
import type { ConversationSummary } from '../../views/types';
import type { ActingViewer } from '../agent';
import { endConsults } from '../consult/end-consult';
import { settlePendingOffers } from '../offers/offer-view';
import { publishConversationChange } from '../publish';
import { publishAgentStatus } from '../routing/agent-status';
import { loadVisibleConversation } from '../visible-conversation';
import { tellBot } from './tell-bot';

export async function returnToBot(input: { conversationId: string; agent: ActingViewer }, db: Db = defaultDb()): Promise<ConversationSummary> {
  return transaction(db, async (tx) => {
    const conversation = await loadVisibleConversation(tx, input.conversationId, input.agent, { botChannel: { select: { name: true } } });
    if (!conversation.botChannel) throw conflict('No bot held this conversation.', 'NoBot');
    if (conversation.state !== 'active') throw conflict('Only an accepted conversation can go back to the bot.', 'NotActive');
    if (!canReturnToBot(input.agent, { ...conversation, botAppId: conversation.botChannel.name })) {
      throw forbidden('Only the agent who owns the conversation can return it to the bot.', 'NotOwner');
    }
    const told = await tellBot(tx, conversation.id, 'completed');
    const now = new Date();
    await episodeClosed(tx, conversation.id, now);
    const moved = await tx.conversation.updateMany({
      where: { id: conversation.id, version: conversation.version },
      data: { state: 'bot', ownerId: null, handoff: Prisma.DbNull, unreadCount: 0, version: { increment: 1 } },
    });
    if (moved.count === 0) throw conflict('The conversation changed; try again.');
    await endConsults(tx, conversation.id);
    const offers = await settlePendingOffers(tx, conversation.id, 'cancelled');
    const summary = await publishConversationChange(tx, conversation.id, told ? [told] : []);
    const freed = [conversation.ownerId, ...offers.map((o) => o.agentId)].filter((id): id is string => id !== null);
    for (const agentId of new Set(freed)) await publishAgentStatus(tx, agentId);
    return summary;
  });
}
