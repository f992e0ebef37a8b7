// Everything held about the customer behind a conversation (GDPR Art. 15), as one JSON document:
// their conversations with messages, files (metadata and the console's links), private notes,
// surveys and report episodes. Read in one transaction with its audit entry.
import type { Db } from '../db/client';
import { transaction } from '../db/transaction';
import { recordAudit } from '../audit/record-audit';
import { customerOf } from '../customers/customer-conversations';
import { loadVisibleConversation } from '../conversations/visible-conversation';
import type { ActingViewer } from '../conversations/agent';
import { forbidden } from '../errors/app-error';
import { consoleApi, pathOf, type CustomerExport } from '../protocol/console';
import { canExportCustomer } from '../shared/policies';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A rep's private note: an internal message (internal events are the conversation's lifecycle). */
const isNote = (activity: { direction: string; type: string }) => activity.direction === 'internal' && activity.type === 'message';

export async function exportCustomer(db: Db, conversationId: string, actor: ActingViewer): Promise<CustomerExport> {
  if (!canExportCustomer(actor)) throw forbidden('Only administrators can export a customer’s data.', 'AdminsOnly');
  return transaction(db, async (tx) => {
    const subject = await loadVisibleConversation(tx, conversationId, actor, { channel: { select: { kind: true } } });
    const { conversationIds: ids, contactIds } = await customerOf(tx, conversationId);
    const contacts = await tx.contact.findMany({
      where: { id: { in: contactIds } },
      orderBy: { createdAt: 'asc' },
      include: { identities: { orderBy: { createdAt: 'asc' } }, values: { include: { attribute: { select: { key: true } } } } },
    });
    const conversations = await tx.conversation.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: 'asc' },
      include: {
        queue: { select: { name: true } },
        activities: {
          orderBy: { seq: 'asc' },
          include: { attachments: { orderBy: { seq: 'asc' }, select: { id: true, name: true, contentType: true, size: true } } },
        },
        surveys: { orderBy: { episode: 'asc' } },
        episodes: { orderBy: { number: 'asc' } },
      },
    });
    await recordAudit(tx, { actor, action: 'customer.export', target: `conversation:${conversationId}`, after: { conversationIds: ids } });
    const message = (activity: (typeof conversations)[number]['activities'][number]) => ({
      id: activity.id,
      seq: activity.seq,
      type: activity.type,
      direction: activity.direction,
      name: activity.name,
      fromName: activity.fromName,
      text: activity.text,
      timestamp: activity.timestamp.toISOString(),
      editedAt: iso(activity.editedAt),
      deletedAt: iso(activity.deletedAt),
      attachments: activity.attachments.map((file) => ({ ...file, url: pathOf(consoleApi.attachment, { id: file.id }) })),
    });
    return {
      exportedAt: new Date().toISOString(),
      customer: { channel: subject.channel.kind, customerId: subject.customerId, customerName: subject.customerName },
      contacts: contacts.map((contact) => ({
        id: contact.id,
        name: contact.name,
        createdAt: contact.createdAt.toISOString(),
        identities: contact.identities.map((identity) => ({ channel: identity.channelKind, userId: identity.userId, verified: identity.verifiedValue })),
        attributes: Object.fromEntries(contact.values.map((value) => [value.attribute.key, value.value])),
      })),
      conversations: conversations.map((c) => ({
        id: c.id,
        state: c.state,
        queue: c.queue?.name ?? null,
        customerName: c.customerName,
        createdAt: c.createdAt.toISOString(),
        closedAt: iso(c.closedAt),
        messages: c.activities.filter((a) => !isNote(a)).map(message),
        notes: c.activities.filter(isNote).map(message),
        surveys: c.surveys.map((s) => ({ episode: s.episode, sentAt: s.sentAt.toISOString(), rating: s.rating, comment: s.comment, answeredAt: iso(s.answeredAt) })),
        episodes: c.episodes.map((e) => ({
          number: e.number,
          queuedAt: e.queuedAt.toISOString(),
          acceptedAt: iso(e.acceptedAt),
          firstResponseAt: iso(e.firstResponseAt),
          closedAt: iso(e.closedAt),
        })),
      })),
    };
  });
}
