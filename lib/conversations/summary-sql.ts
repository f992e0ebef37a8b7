// The conversation summary (lib/views/types.ts `ConversationSummary`) computed by PostgreSQL, for
// the ingest hot path: there one statement stores an activity and its realtime event, summary
// included. It mirrors `toConversationSummary` in lib/views/map.ts, which every other path uses;
// tests/integration/summary-sql.test.ts keeps the two equal.

import { replyWindowEndsAtSql } from '../channels/registry';

const iso = (expression: string) => `to_char(${expression}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A JSON value, with JSON null read as absent (JavaScript's `??`). */
const present = (expression: string) => `nullif(${expression}, 'null'::jsonb)`;

/**
 * A jsonb expression: the summary of the Conversation row `c` (a table alias or CTE name), whose
 * Channel row is joined as `channel` (its kind is read three times: a join, not three subqueries).
 */
export function summaryJsonSql(c: string, channel: string): string {
  const kind = `${channel}.kind::text`;
  const data = `coalesce(${c}."channelData", '{}'::jsonb)`;
  const analysis = `${present(`${data} -> 'analysis'`)}`;
  const nameOrId = (key: string) => `coalesce(${present(`${data} -> '${key}' -> 'name'`)}, ${present(`${data} -> '${key}' -> 'id'`)}, 'null'::jsonb)`;
  return `jsonb_build_object(
    'id', ${c}.id,
    'channel', ${kind},
    'customerName', coalesce(${c}."customerName", ${c}."customerId", 'Customer'),
    'state', ${c}.state,
    'queueId', ${c}."queueId",
    'queueName', (SELECT name FROM "Queue" WHERE id = ${c}."queueId"),
    'ownerId', ${c}."ownerId",
    'ownerName', (SELECT "displayName" FROM "Agent" WHERE id = ${c}."ownerId"),
    'version', ${c}.version,
    'unreadCount', ${c}."unreadCount",
    'lastText', ${c}."lastText",
    'lastActivityAt', ${iso(`${c}."lastActivityAt"`)},
    'lastSeq', ${c}."lastSeq",
    'channelInfo', CASE WHEN ${kind} IN ('teams', 'connector') THEN jsonb_build_object(
      'conversationType', coalesce(${present(`${data} -> 'conversationType'`)}, 'null'::jsonb),
      'tenantId', coalesce(${present(`${data} -> 'tenantId'`)}, 'null'::jsonb),
      'team', ${nameOrId('team')},
      'channel', ${nameOrId('channel')}) END,
    'blocked', ${c}."blockedAt" IS NOT NULL,
    'sendingPaused', CASE WHEN ${c}."blockedAt" IS NOT NULL THEN coalesce(${c}."blockedReason", 'ConversationBlockedByUser') END,
    'replyWindowEndsAt', ${replyWindowEndsAtSql(kind, `${c}."lastInboundAt"`, iso)},
    'analysis', CASE WHEN ${analysis} IS NOT NULL AND ${analysis} NOT IN ('false'::jsonb, '0'::jsonb, '""'::jsonb) THEN jsonb_build_object(
      'language', coalesce(${present(`${analysis} -> 'language'`)}, 'null'::jsonb),
      'confidence', coalesce(${present(`${analysis} -> 'confidence'`)}, 'null'::jsonb),
      'intent', coalesce(${present(`${analysis} -> 'intent'`)}, 'null'::jsonb),
      'keyPhrases', CASE WHEN jsonb_typeof(${analysis} -> 'keyPhrases') = 'array' THEN ${analysis} -> 'keyPhrases' ELSE '[]'::jsonb END,
      'translation', coalesce(${present(`${analysis} -> 'translation'`)}, 'null'::jsonb)) END,
    'consultants', (SELECT coalesce(jsonb_agg(jsonb_build_object('agentId', k."agentId", 'name', a."displayName", 'joined', k."joinedAt" IS NOT NULL)
        ORDER BY k."startedAt", k."agentId"), '[]'::jsonb)
      FROM "Consultant" k JOIN "Agent" a ON a.id = k."agentId"
      WHERE k."conversationId" = ${c}.id AND k."endedAt" IS NULL),
    'pendingRequests', (SELECT coalesce(jsonb_agg(jsonb_build_object('offerId', o.id,
        'kind', CASE WHEN o.kind = 'consult' THEN 'consult' ELSE 'transfer' END, 'agentId', o."agentId", 'agentName', a."displayName")
        ORDER BY o."createdAt", o.id), '[]'::jsonb)
      FROM "Offer" o JOIN "Agent" a ON a.id = o."agentId"
      WHERE o."conversationId" = ${c}.id AND o.state = 'pending' AND o.kind <> 'route'),
    'botAppId', (SELECT name FROM "Channel" WHERE id = ${c}."botChannelId"),
    'handoffKind', CASE WHEN ${c}.handoff ->> 'kind' IN ('handoff', 'fallback') THEN ${c}.handoff -> 'kind' END,
    'labels', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', l.id, 'name', l.name, 'colour', l.colour) ORDER BY l.name), '[]'::jsonb)
      FROM "ConversationLabel" cl JOIN "Label" l ON l.id = cl."labelId" WHERE cl."conversationId" = ${c}.id))
    || coalesce((SELECT jsonb_build_object('slaKind', e."slaKind", 'slaWarnAt', ${iso('e."slaWarnAt"')}, 'slaDueAt', ${iso('e."slaDueAt"')})
      FROM "Episode" e WHERE e."conversationId" = ${c}.id AND e.number = ${c}.episode AND e."closedAt" IS NULL
        AND e."slaKind" IS NOT NULL AND e."slaWarnAt" IS NOT NULL AND e."slaDueAt" IS NOT NULL),
      '{"slaKind": null, "slaWarnAt": null, "slaDueAt": null}'::jsonb)`;
}

/** A jsonb expression: `scopeOfSummary` (lib/auth/conversation-access.ts) of a summary expression. */
export function scopeJsonSql(summary: string): string {
  return `jsonb_build_object('queueId', ${summary} -> 'queueId', 'ownerId', ${summary} -> 'ownerId',
    'agentIds', (SELECT coalesce(jsonb_agg(person -> 'agentId'), '[]'::jsonb)
      FROM jsonb_array_elements((${summary} -> 'consultants') || (${summary} -> 'pendingRequests')) AS person))`;
}
