// The reports' rows of one load batch (docs/metrics.md), derived from the batch's conversations
// and activities (batch-sql.ts) in the same transaction: each conversation out of pending is in its
// first episode, its figures what its activities say; an answered survey on some closed ones.
import { h } from './batch-sql';

/** The load queues' first-response target: the load's first responses come 15–165 s after entry. */
export const LOAD_FIRST_RESPONSE_TARGET_SECONDS = 120;

/**
 * Episodes, and one EpisodeResponse per rep message after the first. In the load a rep answers at
 * even seqs and the customer writes at odd ones, so a reply at seq k after the previous reply at p
 * answers the customer message p + 1: it waited (k − p − 1) steps of the conversation's gap.
 */
export const INSERT_EPISODES_SQL = `
WITH facts AS (
  SELECT conversation_id, max(at) AS last_at,
    min(at) FILTER (WHERE role = 'agent') AS first_response_at,
    coalesce(max(seq) FILTER (WHERE role = 'agent'), 0) AS answered_seq,
    count(*) FILTER (WHERE role = 'customer') AS customer_messages,
    count(*) FILTER (WHERE role = 'agent') AS agent_messages
  FROM load_act GROUP BY conversation_id
), figures AS (
  SELECT c.id, c.n, c.queue_id, c.channel_id, c.state, (p.agent_ids)[c.owner_index] AS owner_id, f.*,
    c.started_at + c.gap AS queued_at,
    CASE WHEN c.owner_index IS NOT NULL THEN c.started_at + c.gap * 2 END AS accepted_at,
    CASE WHEN c.state = 'closed' THEN f.last_at END AS closed_at,
    c.started_at + c.gap + make_interval(secs => ${LOAD_FIRST_RESPONSE_TARGET_SECONDS}) AS due_at, p.anchor
  FROM load_ref p, load_conv c JOIN facts f ON f.conversation_id = c.id
  WHERE c.state <> 'pending'
), episodes AS (
  INSERT INTO "Episode" ("conversationId", number, source, "queueId", "channelId", "startSeq", "answeredSeq", "queuedAt",
    "acceptedAt", "firstResponseAt", "closedAt", "ownerId", "customerMessages", "agentMessages", "firstResponseDueAt",
    "firstResponseBreached")
  SELECT id, 1, 'first_message', queue_id, channel_id, 0, answered_seq, queued_at, accepted_at, first_response_at, closed_at,
    owner_id, CASE WHEN state = 'closed' THEN customer_messages ELSE 0 END, agent_messages, due_at,
    coalesce(first_response_at, closed_at, anchor) > due_at
  FROM figures ORDER BY queued_at
  RETURNING id, "conversationId"
), replies AS (
  SELECT conversation_id, at, seq - lag(seq) OVER (PARTITION BY conversation_id ORDER BY seq) - 1 AS steps
  FROM load_act WHERE role = 'agent'
)
INSERT INTO "EpisodeResponse" ("episodeId", seconds, "respondedAt")
SELECT e.id, extract(epoch from c.gap * r.steps), r.at
FROM episodes e
JOIN replies r ON r.conversation_id = e."conversationId"
JOIN load_conv c ON c.id = e."conversationId"
WHERE r.steps IS NOT NULL
ORDER BY r.at`;

/** A survey on one closed episode in three, seven in ten of them answered (1–5, skewed to 4 and 5). */
export const INSERT_SURVEYS_SQL = `
INSERT INTO "SatisfactionSurvey" (id, "conversationId", episode, "queueId", "ownerId", "activityId", "sentAt", rating, comment, "answeredAt")
SELECT gen_random_uuid()::text, c.id, 1, c.queue_id, (p.agent_ids)[c.owner_index], 'load-survey-' || c.n, v."closedAt",
  CASE WHEN answered THEN (ARRAY[1, 2, 3, 4, 4, 5, 5, 5])[1 + ${h(9, 'c.n')} % 8] END,
  CASE WHEN answered AND ${h(10, 'c.n')} % 4 = 0 THEN 'Thanks for the help.' END,
  CASE WHEN answered THEN v."closedAt" + interval '2 minutes' END
FROM load_ref p, load_conv c
JOIN "Conversation" v ON v.id = c.id
CROSS JOIN LATERAL (SELECT ${h(11, 'c.n')} % 10 < 7 AS answered) a
WHERE c.state = 'closed' AND ${h(8, 'c.n')} % 3 = 0`;
