// Erasing conversations (GDPR Art. 17; CONTRACT.md "Erasing a customer"): one transaction, so it
// cannot half-finish. Deleting the conversation rows cascades to everything they hold (prisma/schema
// .prisma): participants, activities (messages, notes, lifecycle events) with their deliveries and
// attempts, attachments (the files' bytes live in the Attachment rows: no file storage outside the
// database), the realtime events of those conversations, offers, consultants, supervisor actions and
// surveys. Report figures stay: episodes and bot resolutions lose their link to the conversation,
// the only way they name the customer. docs/operations.md "Erasure" lists every table. Open consoles
// are told (`conversation.erased`) and drop the conversation.
import type { Db } from '../db/client';
import { deleteRejectedEventsNaming } from '../db/sql/erasure';
import { transaction } from '../db/transaction';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { appendErasureEvents } from '../realtime/event-log';
import { scopeOfRow, scopeSelect } from '../auth/conversation-access';
import type { AuditAction } from '../protocol/console/audit';

export interface Erased {
  conversations: number;
  messages: number;
  files: number;
}

/** Large conversations take a while to delete; the default 5 s would roll back half-way through nothing. */
const ERASE_TIMEOUT_MS = 120_000;

export async function eraseConversations(
  db: Db,
  ids: string[],
  audit: { actor: AuditActor; action: Extract<AuditAction, 'customer.erase' | 'retention.erase'>; target: string },
  /** The customer's contacts, erased with them (identities and attribute values go with each). */
  contactIds: string[] = [],
): Promise<Erased> {
  return transaction(
    db,
    async (tx) => {
      const conversations = await tx.conversation.findMany({
        where: { id: { in: ids } },
        // Who saw them, for telling their consoles.
        select: { id: true, customerId: true, ...scopeSelect },
      });
      const found = conversations.map((c) => c.id);
      const messages = await tx.activity.count({ where: { conversationId: { in: found } } });
      const files = await tx.attachment.count({ where: { conversationId: { in: found } } });
      // A channel's early delivery reports for these messages (lib/outbound/early-statuses.ts).
      const sent = await tx.activity.findMany({ where: { conversationId: { in: found }, externalId: { not: null } }, select: { externalId: true } });
      await tx.pendingDeliveryStatus.deleteMany({ where: { externalId: { in: sent.map((a) => a.externalId!) } } });
      // An open episode ends here: the SLA step and reports see it closed, with no conversation.
      await tx.episode.updateMany({ where: { conversationId: { in: found }, closedAt: null }, data: { closedAt: new Date() } });
      await tx.conversation.deleteMany({ where: { id: { in: found } } });
      await tx.contactMerge.deleteMany({ where: { OR: [{ sourceId: { in: contactIds } }, { targetId: { in: contactIds } }] } });
      await tx.contact.deleteMany({ where: { id: { in: contactIds } } });
      await deleteRejectedEventsNaming(
        tx,
        conversations.flatMap((c) => (c.customerId ? [c.customerId] : [])),
      );
      await appendErasureEvents(tx, conversations.map((c) => ({ id: c.id, scope: scopeOfRow(c) })));
      const erased = { conversations: found.length, messages, files };
      await recordAudit(tx, { ...audit, after: { conversationIds: found, ...erased } });
      return erased;
    },
    { timeout: ERASE_TIMEOUT_MS },
  );
}
