import type { Prisma } from '../db/generated/client';
import type { Activity, Agent, Attachment, Channel, Consultant, Conversation, Episode, Label, Offer, Queue } from '../db/generated/client';
import { consoleContentOf } from '../protocol/console-content';
import { cardAttachmentsOf, heroCardsOf, HERO_CARD_TYPE, suggestedActionsOf } from '../protocol/rich-content';
import { replyWindowEndsAt } from '../channels/registry';
import type { ActivityView, AgentView, ConversationSummary } from './types';

export type ConversationWithRefs = Conversation & {
  channel: Pick<Channel, 'kind'>;
  queue: Pick<Queue, 'name'> | null;
  owner: Pick<Agent, 'displayName'> | null;
  consultants: (Pick<Consultant, 'agentId' | 'joinedAt'> & { agent: Pick<Agent, 'displayName'> })[];
  offers: (Pick<Offer, 'id' | 'kind' | 'agentId'> & { agent: Pick<Agent, 'displayName'> })[];
  /** The open episodes (one at most): the current one's SLA clock. */
  episodes: Pick<Episode, 'number' | 'slaKind' | 'slaWarnAt' | 'slaDueAt'>[];
  botChannel: Pick<Channel, 'name'> | null;
  labels: { label: Pick<Label, 'id' | 'name' | 'colour'> }[];
};

export const conversationRefs = {
  channel: { select: { kind: true } },
  queue: { select: { name: true } },
  owner: { select: { displayName: true } },
  consultants: {
    where: { endedAt: null },
    orderBy: [{ startedAt: 'asc' }, { agentId: 'asc' }],
    select: { agentId: true, joinedAt: true, agent: { select: { displayName: true } } },
  },
  offers: {
    where: { state: 'pending', kind: { not: 'route' } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, agentId: true, agent: { select: { displayName: true } } },
  },
  episodes: { where: { closedAt: null }, select: { number: true, slaKind: true, slaWarnAt: true, slaDueAt: true } },
  botChannel: { select: { name: true } },
  labels: { orderBy: [{ label: { name: 'asc' } }], select: { label: { select: { id: true, name: true, colour: true } } } },
} satisfies Prisma.ConversationInclude;

export function toConversationSummary(row: ConversationWithRefs): ConversationSummary {
  return {
    id: row.id,
    channel: row.channel.kind,
    customerName: row.customerName ?? row.customerId ?? 'Customer',
    state: row.state,
    queueId: row.queueId,
    queueName: row.queue?.name ?? null,
    ownerId: row.ownerId,
    ownerName: row.owner?.displayName ?? null,
    version: row.version,
    unreadCount: row.unreadCount,
    lastText: row.lastText,
    lastActivityAt: row.lastActivityAt.toISOString(),
    lastSeq: row.lastSeq,
    channelInfo: channelInfoOf(row),
    blocked: row.blockedAt !== null,
    sendingPaused: row.blockedAt === null ? null : (row.blockedReason ?? 'ConversationBlockedByUser'),
    replyWindowEndsAt: replyWindowEndsAt(row.channel.kind, row.lastInboundAt),
    ...slaOf(row),
    analysis: analysisOf(row),
    consultants: row.consultants.map((c) => ({ agentId: c.agentId, name: c.agent.displayName, joined: c.joinedAt !== null })),
    pendingRequests: row.offers.map((o) => ({
      offerId: o.id,
      kind: o.kind === 'consult' ? 'consult' : 'transfer',
      agentId: o.agentId,
      agentName: o.agent.displayName,
    })),
    botAppId: row.botChannel?.name ?? null,
    handoffKind: handoffKindOf(row.handoff),
    labels: row.labels.map((l) => l.label),
  };
}

function handoffKindOf(handoff: Conversation['handoff']): ConversationSummary['handoffKind'] {
  const kind = (handoff as { kind?: unknown } | null)?.kind;
  return kind === 'handoff' || kind === 'fallback' ? kind : null;
}

/** The SLA clock of the conversation's current episode (`episodes`: its open ones, as `conversationRefs` loads them). */
export function slaOf(row: Pick<ConversationWithRefs, 'episode' | 'episodes'>): Pick<ConversationSummary, 'slaKind' | 'slaWarnAt' | 'slaDueAt'> {
  const episode = row.episodes.find((e) => e.number === row.episode);
  if (!episode?.slaKind || !episode.slaDueAt || !episode.slaWarnAt) return { slaKind: null, slaWarnAt: null, slaDueAt: null };
  return { slaKind: episode.slaKind as 'first' | 'next', slaWarnAt: episode.slaWarnAt.toISOString(), slaDueAt: episode.slaDueAt.toISOString() };
}

function analysisOf(row: ConversationWithRefs): ConversationSummary['analysis'] {
  const analysis = (row.channelData as { analysis?: Record<string, unknown> } | null)?.analysis;
  if (!analysis) return null;
  return {
    language: (analysis.language as string | null) ?? null,
    confidence: (analysis.confidence as number | null) ?? null,
    intent: (analysis.intent as string | null) ?? null,
    keyPhrases: Array.isArray(analysis.keyPhrases) ? (analysis.keyPhrases as string[]) : [],
    translation: (analysis.translation as string | null) ?? null,
  };
}

function channelInfoOf(row: ConversationWithRefs): ConversationSummary['channelInfo'] {
  if (row.channel.kind !== 'teams' && row.channel.kind !== 'connector') return null;
  const data = (row.channelData ?? {}) as {
    conversationType?: string | null;
    tenantId?: string | null;
    team?: { name?: string | null; id?: string | null } | null;
    channel?: { name?: string | null; id?: string | null } | null;
  };
  return {
    conversationType: data.conversationType ?? null,
    tenantId: data.tenantId ?? null,
    team: data.team?.name ?? data.team?.id ?? null,
    channel: data.channel?.name ?? data.channel?.id ?? null,
  };
}

export function toActivityView(row: Activity & { attachments?: Pick<Attachment, 'id' | 'name' | 'contentType' | 'size'>[] }): ActivityView {
  const note = row.direction === 'internal' && row.type === 'message';
  const author =
    note
      ? 'agent'
      : row.direction === 'inbound'
      ? row.fromRole === 'bot'
        ? 'bot'
        : 'customer'
      : row.direction === 'outbound'
        ? row.fromRole === 'bot'
          ? 'bot'
          : 'agent'
        : 'system';
  const raw = row.raw as { channelData?: { clientActivityID?: unknown } } | null;
  // What the console noted while receiving it: a customer's activity, or a bot's (its links it could not fetch).
  const content = row.direction === 'inbound' || row.fromRole === 'bot' ? consoleContentOf(row.raw) : {};
  const clientId = row.clientActivityId ?? (typeof raw?.channelData?.clientActivityID === 'string' ? raw.channelData.clientActivityID : null);
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    type: row.type,
    author,
    fromName: row.fromName,
    agentId: row.agentId,
    text: row.text,
    textFormat: row.textFormat,
    name: row.name,
    timestamp: row.timestamp.toISOString(),
    deliveryState: row.deliveryState,
    deliveryError: row.deliveryError,
    clientId,
    attachments: (row.attachments ?? []).map(({ id, name, contentType, size }) => ({ id, name, contentType, size })),
    fetchFailures: content.fetchFailures ?? [],
    cardAnswer: content.cardAnswer ?? null,
    surveyAnswer: content.surveyAnswer ?? null,
    suggestedActions: suggestedActionsOf(row.raw),
    cards: cardAttachmentsOf(row.raw).map((card) => card.content),
    heroCards: heroCardsOf(row.raw).map((card) => ({ kind: card.contentType === HERO_CARD_TYPE ? ('hero' as const) : ('thumbnail' as const), card: card.content })),
    note,
    replyToId: row.replyToId,
    updatedAt: row.updatedAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** The attachment columns views need (never the bytes). */
export const attachmentRefs = {
  attachments: { select: { id: true, name: true, contentType: true, size: true }, orderBy: { seq: 'asc' } },
} as const satisfies Prisma.ActivityInclude;

export function toAgentView(row: Pick<Agent, 'id' | 'email' | 'displayName' | 'role' | 'presence'> & { queues: { queueId: string }[] }): AgentView {
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, presence: row.presence, queueIds: row.queues.map((q) => q.queueId) };
}

/** The agent columns `toAgentView` needs. */
export const agentViewRefs = { queues: { select: { queueId: true } } } as const;
