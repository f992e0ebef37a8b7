// Who sees which conversation (issue #8): whoever may supervise (lib/shared/policies.ts) sees all; an agent sees the
// conversations of their queues, those they own, consult on, or are asked to take or consult on.
import type { Db, Tx } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { forbidden } from '../errors/app-error';
import { canSupervise, type Role } from '../shared/policies';
import type { ConversationSummary, EventScope, StreamedEvent } from '../views/types';

export interface Viewer {
  id: string;
  role: Role;
  queueIds: string[];
}

export function canSee(viewer: Viewer, scope: EventScope): boolean {
  return (
    canSupervise(viewer) ||
    scope.ownerId === viewer.id ||
    (scope.queueId !== null && viewer.queueIds.includes(scope.queueId)) ||
    scope.agentIds.includes(viewer.id)
  );
}

/** The same rule as a filter for conversation queries. */
export function visibleConversations(viewer: Viewer): Prisma.ConversationWhereInput {
  if (canSupervise(viewer)) return {};
  return {
    OR: [
      { ownerId: viewer.id },
      { queueId: { in: viewer.queueIds } },
      { consultants: { some: { agentId: viewer.id, endedAt: null } } },
      { offers: { some: { agentId: viewer.id, state: 'pending' } } },
    ],
  };
}

export function scopeOfSummary(summary: ConversationSummary): EventScope {
  return {
    queueId: summary.queueId,
    ownerId: summary.ownerId,
    agentIds: [...summary.consultants.map((c) => c.agentId), ...summary.pendingRequests.map((r) => r.agentId)],
  };
}

/** The columns a conversation's scope is made of (`scopeOfRow`). */
export const scopeSelect = {
  queueId: true,
  ownerId: true,
  consultants: { where: { endedAt: null }, select: { agentId: true } },
  offers: { where: { state: 'pending' }, select: { agentId: true } },
} satisfies Prisma.ConversationSelect;

export function scopeOfRow(row: Prisma.ConversationGetPayload<{ select: typeof scopeSelect }>): EventScope {
  return { queueId: row.queueId, ownerId: row.ownerId, agentIds: [...row.consultants, ...row.offers].map((a) => a.agentId) };
}

export async function loadScope(tx: Tx | Db, conversationId: string): Promise<EventScope | null> {
  const row = await tx.conversation.findUnique({ where: { id: conversationId }, select: scopeSelect });
  return row && scopeOfRow(row);
}

/**
 * `loadScope` as a SQL expression (jsonb; null when there is no such conversation), for statements
 * that write events in bulk. `conversationId` is an SQL expression. Keep the two in step
 * (tests/integration/outbox-batch.test.ts compares them).
 */
export function scopeSql(conversationId: string): string {
  return `(SELECT jsonb_build_object('queueId', c."queueId", 'ownerId', c."ownerId", 'agentIds', to_jsonb(ARRAY(
      SELECT s."agentId" FROM "Consultant" s WHERE s."conversationId" = c.id AND s."endedAt" IS NULL
      UNION ALL
      SELECT o."agentId" FROM "Offer" o WHERE o."conversationId" = c.id AND o.state = 'pending')))
    FROM "Conversation" c WHERE c.id = ${conversationId})`;
}

/**
 * 403 when a loaded conversation is not the viewer's to see. The cheap part of the rule (role, owner,
 * queue) is read from the row; consultants and requested agents only when that does not decide.
 */
export async function assertMaySee(
  tx: Tx | Db,
  viewer: Viewer,
  conversation: { id: string; queueId: string | null; ownerId: string | null },
): Promise<void> {
  if (canSee(viewer, { queueId: conversation.queueId, ownerId: conversation.ownerId, agentIds: [] })) return;
  const asked = await tx.conversation.count({
    where: {
      id: conversation.id,
      OR: [
        { consultants: { some: { agentId: viewer.id, endedAt: null } } },
        { offers: { some: { agentId: viewer.id, state: 'pending' } } },
      ],
    },
  });
  if (asked === 0) throw forbidden('This conversation belongs to a queue you are not in.', 'NotYourQueue');
}

/** Whether a realtime event may reach this viewer. */
export function mayReceive(viewer: Viewer, event: StreamedEvent): boolean {
  if (event.type === 'agent.updated') return true;
  if (event.type === 'offer.updated') return event.offer.agentId === viewer.id || canSupervise(viewer);
  return event.scope ? canSee(viewer, event.scope) : canSupervise(viewer);
}

/**
 * The filter of one console stream. A change of the viewer's own queues (an `agent.updated` about
 * them) applies from the next event on, without reconnecting.
 */
export function eventFilterFor(agent: Viewer): (event: StreamedEvent) => boolean {
  const viewer: Viewer = { id: agent.id, role: agent.role, queueIds: [...agent.queueIds] };
  return (event) => {
    if (event.type === 'agent.updated' && event.agent.id === viewer.id) {
      viewer.queueIds = event.agent.queueIds;
      viewer.role = event.agent.role;
    }
    return mayReceive(viewer, event);
  };
}
