import { visibleConversations, type Viewer } from '../auth/conversation-access';
import { db as defaultDb, type Db, type Tx } from '../db/client';
import { notFound } from '../errors/app-error';
import type { ContactListItem, ContactView } from '../protocol/console';
import { contactIdsByAttributeValue } from '../db/sql/contacts';
import { storedValue } from './attribute-values';
import type { VerifiedKind } from './verified-identifier';

const identitySelect = { id: true, channelKind: true, userId: true, verifiedKind: true, verifiedValue: true } as const;

type IdentityView = ContactView['identities'][number];

function identityView(row: { id: string; channelKind: string; userId: string; verifiedKind: string | null; verifiedValue: string | null }): IdentityView {
  const kind = row.verifiedKind === 'phone' || row.verifiedKind === 'email' ? (row.verifiedKind as VerifiedKind) : null;
  const verified = kind && row.verifiedValue ? { kind, value: row.verifiedValue } : null;
  return { id: row.id, channel: row.channelKind, userId: row.userId, verified };
}

/** A contact as the customer panel shows it: identities, every attribute defined (with its value), conversations the viewer may open. */
export async function contactView(contactId: string, viewer: Viewer, db: Db | Tx = defaultDb()): Promise<ContactView> {
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    include: {
      identities: { select: identitySelect, orderBy: { createdAt: 'asc' } },
      values: { select: { attributeId: true, value: true } },
      conversations: {
        where: { state: { not: 'pending' }, ...visibleConversations(viewer) },
        orderBy: { lastActivityAt: 'desc' },
        take: 50,
        select: { id: true, state: true, lastText: true, lastActivityAt: true, channel: { select: { kind: true } } },
      },
    },
  });
  if (!contact) throw notFound('No such contact.');
  const [attributes, merges] = await Promise.all([
    db.contactAttribute.findMany({ orderBy: { createdAt: 'asc' } }),
    db.contactMerge.findMany({ where: { targetId: contactId, undoneAt: null }, orderBy: { createdAt: 'desc' } }),
  ]);
  const sources = await db.contact.findMany({ where: { id: { in: merges.map((m) => m.sourceId) } }, select: { id: true, name: true } });
  const values = new Map(contact.values.map((v) => [v.attributeId, storedValue(v.value)]));
  return {
    id: contact.id,
    name: contact.name,
    mergedIntoId: contact.mergedIntoId,
    identities: contact.identities.map(identityView),
    attributes: attributes.map((a) => ({ id: a.id, key: a.key, label: a.label, type: a.type, options: a.options, value: values.get(a.id) ?? null })),
    conversations: contact.conversations.map((c) => ({ id: c.id, channel: c.channel.kind, state: c.state, lastText: c.lastText, lastActivityAt: c.lastActivityAt.toISOString() })),
    merges: merges.map((m) => ({ id: m.id, sourceId: m.sourceId, sourceName: sources.find((s) => s.id === m.sourceId)?.name ?? null, createdAt: m.createdAt.toISOString() })),
  };
}

/**
 * Contacts whose name, channel identity (user id, phone number, e-mail) or an attribute's value
 * contains `q`; contacts merged into others are left out. 50 at most, most recently updated first.
 */
export async function searchContacts(q: string, db: Db = defaultDb()): Promise<ContactListItem[]> {
  const contains = { contains: q, mode: 'insensitive' } as const;
  const byValue = q ? await contactIdsByAttributeValue(db, q, 200) : [];
  const rows = await db.contact.findMany({
    where: {
      mergedIntoId: null,
      ...(q && {
        OR: [
          { name: contains },
          { identities: { some: { OR: [{ userId: contains }, { verifiedValue: contains }] } } },
          { id: { in: byValue } },
        ],
      }),
    },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: 50,
    select: { id: true, name: true, identities: { select: identitySelect, orderBy: { createdAt: 'asc' } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, identities: row.identities.map(identityView) }));
}
