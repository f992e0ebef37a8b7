// `installationUpdate`: the bot added to or removed from a chat or team. Removal pauses sending to
// the conversation (lib/channels/teams/pause.ts); adding it back resumes it. Teams also sends
// `add-upgrade` / `remove-upgrade` around an app upgrade: read by their first word.
import type { Db } from '../../db/client';
import { transaction } from '../../db/transaction';
import { publishConversationChange } from '../../conversations/publish';
import { BOT_REMOVED } from './pause';

/** True when the conversation's pause changed. */
export async function applyInstallationUpdate(conversationId: string, action: string, db: Db): Promise<boolean> {
  const verb = action.toLowerCase().split('-')[0];
  if (verb !== 'add' && verb !== 'remove') return false;
  return transaction(db, async (tx) => {
    const changed =
      verb === 'remove'
        ? await tx.conversation.updateMany({ where: { id: conversationId, blockedAt: null }, data: { blockedAt: new Date(), blockedReason: BOT_REMOVED } })
        : // Only the bot's own absence ends with its return; a customer's block stays until they write.
          await tx.conversation.updateMany({
            where: { id: conversationId, blockedReason: { not: 'ConversationBlockedByUser' }, blockedAt: { not: null } },
            data: { blockedAt: null, blockedReason: null },
          });
    if (changed.count === 0) return false;
    const state = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { state: true } });
    if (state.state !== 'pending') await publishConversationChange(tx, conversationId);
    return true;
  });
}
