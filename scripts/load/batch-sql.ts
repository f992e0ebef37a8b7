// The SQL that generates one batch of load conversations server-side (INSERT … SELECT over
// generate_series): conversations n = $1 … $2 - 1 of p.total, their activities and their customer.
//
// Conversation n starts (N - n) steps of SPAN before the anchor, so n is also time order; the
// newest few percent hold the open work (queued, active, pending), everything older is closed.
// `hashint8extended(n, salt)` is a deterministic pseudo-random number per conversation.
//
// Batch statements take $1 (first n) and $2 (end n); the run's constants are in the one-row temp
// table load_ref (REFERENCE_SQL), joined as `p`.

export const h = (salt: number, of = 'n') => `abs(hashint8extended((${of})::bigint, ${salt}))`;

/** Per-conversation facts, kept for the batch's transaction. */
export const CONVERSATIONS_SQL = `
CREATE TEMP TABLE load_conv ON COMMIT DROP AS
WITH base AS (
  SELECT n, p.total - 1 - n AS r, ${h(1)} % 1000000 / 1000000.0 AS u,
         greatest(1, p.per - (p.per * 3) / 4) AS lo,
         -- Open work sits among the newest 2 %: 0.5 % of all queued, 4 per agent active, 0.2 % pending.
         greatest(1, p.total / 50) AS w,
         ceil(p.total * 0.005) AS queued, least(cardinality(p.agent_ids) * 4, p.total / 100 + 1) AS active,
         ceil(p.total * 0.002) AS pending
  FROM load_ref p, generate_series($1::int, $2::int - 1) n
), stated AS (
  SELECT *, CASE
      WHEN r >= w THEN 'closed'
      WHEN u < queued / w THEN 'queued'
      WHEN u < (queued + active) / w THEN 'active'
      WHEN u < (queued + active + pending) / w THEN 'pending'
      ELSE 'closed' END AS state,
    -- General takes 40 %, the other queues 15 % each.
    CASE WHEN ${h(2)} % 100 < 40 THEN 1 ELSE 2 + ${h(2)} % 4 END AS queue_index,
    -- Customers come back: about three conversations each over the period.
    ${h(3)} % (p.total / 3 + 1) AS customer
  FROM base, load_ref p
)
SELECT n, gen_random_uuid()::text AS id, state::"ConversationState" AS state,
  (p.channel_ids)[1 + n % 10] AS channel_id, (p.channel_kinds)[1 + n % 10] AS channel_kind,
  (p.queue_ids)[queue_index] AS queue_id,
  -- Agent i (0-based) belongs to queues i % 5 and (i + 1) % 5: owners come from the first.
  CASE WHEN state IN ('active', 'closed')
    THEN 1 + (${h(4)} % (cardinality(p.agent_ids) / 5)) * 5 + (queue_index - 1) END AS owner_index,
  -- Lengths spread around the mean; one conversation in 500 runs long (15 × the mean), so
  -- transcripts have older pages to load.
  CASE WHEN state = 'pending' THEN 0 WHEN n % 500 = 250 THEN p.per * 15
    ELSE lo + ${h(5)} % (2 * (p.per - lo) + 1) END AS count,
  (p.first_names)[1 + customer % cardinality(p.first_names)] || ' ' ||
    (p.last_names)[1 + (customer / cardinality(p.first_names)) % cardinality(p.last_names)] AS customer_name,
  CASE (p.channel_kinds)[1 + n % 10]
    WHEN 'whatsapp' THEN '+4475' || lpad(customer::text, 8, '0')
    WHEN 'teams' THEN '29:1' || md5('customer' || customer)
    ELSE 'dl_' || substr(md5('customer' || customer), 1, 16) END AS customer_id,
  p.anchor - make_interval(secs => (r + 1) * (p.span_days * 86400.0 / p.total)) AS started_at,
  make_interval(secs => 15 + ${h(6)} % 150) AS gap
FROM stated, load_ref p`;

/**
 * Activities: customer messages on odd seq, the owner's replies on even seq, a private note now and
 * then, and a ConversationClosed event last in closed conversations. Queued ones hold only customer
 * messages. Every ninth message names an order number (rare, exact terms to search for).
 */
export const ACTIVITIES_SQL = `
CREATE TEMP TABLE load_act ON COMMIT DROP AS
WITH rows AS (
  SELECT c.id AS conversation_id, c.n, k AS seq, c.started_at + c.gap * k AS at,
    c.customer_id, c.customer_name, (p.agent_ids)[c.owner_index] AS agent_id, (p.agent_names)[c.owner_index] AS agent_name,
    CASE
      WHEN c.state = 'closed' AND k = c.count AND k > 1 THEN 'closed'
      WHEN c.state = 'queued' OR k % 2 = 1 THEN 'customer'
      WHEN k % 10 = 6 THEN 'note'
      ELSE 'agent' END AS role,
    c.state
  FROM load_ref p, load_conv c, generate_series(1, c.count) k
)
SELECT gen_random_uuid()::text AS id, r.conversation_id, r.seq, r.at, r.role,
  CASE r.role WHEN 'customer' THEN 'inbound' WHEN 'agent' THEN 'outbound' ELSE 'internal' END::"Direction" AS direction,
  CASE r.role WHEN 'closed' THEN 'event' ELSE 'message' END AS type,
  CASE r.role WHEN 'closed' THEN 'ConversationClosed' END AS name,
  CASE r.role WHEN 'customer' THEN r.customer_id WHEN 'closed' THEN NULL ELSE r.agent_id END AS from_id,
  CASE r.role WHEN 'customer' THEN r.customer_name WHEN 'closed' THEN NULL ELSE r.agent_name END AS from_name,
  CASE r.role WHEN 'customer' THEN 'user' WHEN 'closed' THEN NULL ELSE 'agent' END AS from_role,
  CASE WHEN r.role IN ('agent', 'note', 'closed') THEN r.agent_id END AS agent_id,
  CASE WHEN r.role = 'closed' THEN NULL
    WHEN (r.n + r.seq) % 9 = 0 THEN s.text || ' Order A' || lpad(((r.n::bigint * 37 + r.seq) % 10000000)::text, 7, '0') || '.'
    ELSE s.text END AS text,
  CASE r.role
    WHEN 'agent' THEN (CASE WHEN r.state = 'closed' THEN 'read' ELSE 'delivered' END)
    ELSE 'none' END::"DeliveryState" AS delivery_state
FROM rows r
CROSS JOIN load_ref p
JOIN load_sentence s ON s.i = ${h(7, 'r.n * 64 + r.seq')} % p.sentences`;

/** The conversation rows, their counters taken from the activities just generated. */
export const INSERT_CONVERSATIONS_SQL = `
WITH summary AS (
  SELECT conversation_id, max(at) AS last_at, max(at) FILTER (WHERE direction = 'inbound') AS last_inbound_at,
    max(seq) FILTER (WHERE direction = 'outbound') AS last_reply_seq,
    (array_agg(text ORDER BY seq DESC) FILTER (WHERE direction <> 'internal' AND type = 'message'))[1] AS last_text
  FROM load_act GROUP BY conversation_id
), unread AS (
  -- Customer messages since the rep's last reply (a reply or accepting resets the counter).
  SELECT a.conversation_id, count(*) AS unread
  FROM load_act a JOIN summary s USING (conversation_id)
  WHERE a.direction = 'inbound' AND a.seq > coalesce(s.last_reply_seq, 0)
  GROUP BY a.conversation_id
)
INSERT INTO "Conversation" (id, "channelId", "externalId", state, "queueId", "ownerId", version, "lastSeq", "unreadCount",
  "customerName", "customerId", "lastText", "lastActivityAt", "queuedAt", "acceptedAt", "closedAt", "lastInboundAt", "createdAt", episode)
SELECT c.id, c.channel_id, 'load-' || c.n, c.state, c.queue_id, (p.agent_ids)[c.owner_index],
  CASE c.state WHEN 'closed' THEN 3 WHEN 'active' THEN 2 WHEN 'queued' THEN 1 ELSE 0 END,
  c.count, coalesce(u.unread, 0), CASE WHEN c.state <> 'pending' THEN c.customer_name END,
  CASE WHEN c.state <> 'pending' THEN c.customer_id END, left(s.last_text, 280),
  coalesce(s.last_at, c.started_at), CASE WHEN c.state <> 'pending' THEN c.started_at + c.gap END,
  CASE WHEN c.owner_index IS NOT NULL THEN c.started_at + c.gap * 2 END,
  CASE WHEN c.state = 'closed' THEN s.last_at END, s.last_inbound_at, c.started_at,
  CASE WHEN c.state <> 'pending' THEN 1 ELSE 0 END
FROM load_ref p, load_conv c
LEFT JOIN summary s ON s.conversation_id = c.id
LEFT JOIN unread u ON u.conversation_id = c.id
ORDER BY c.n`;

/** In time order, so each conversation's activities interleave with its neighbours' as in real traffic. */
export const INSERT_ACTIVITIES_SQL = `
INSERT INTO "Activity" (id, "conversationId", seq, type, direction, "dedupeKey", "fromId", "fromName", "fromRole", "agentId",
  text, "textFormat", name, timestamp, raw, "deliveryState", "createdAt", "updatedAt")
SELECT a.id, a.conversation_id, a.seq, a.type, a.direction, CASE WHEN a.role = 'agent' THEN 'load:' || a.id END,
  a.from_id, a.from_name, a.from_role, a.agent_id, a.text, CASE WHEN a.role IN ('agent', 'note') THEN 'markdown' END,
  a.name, a.at, jsonb_strip_nulls(jsonb_build_object('type', a.type, 'name', a.name, 'text', a.text,
    'from', jsonb_build_object('id', a.from_id, 'name', a.from_name, 'role', a.from_role))),
  a.delivery_state, a.at, a.at
FROM load_act a
ORDER BY a.at, a.seq`;

export const INSERT_PARTICIPANTS_SQL = `
INSERT INTO "Participant" (id, "conversationId", "accountId", name, role, "createdAt")
SELECT gen_random_uuid()::text, c.id, c.customer_id, c.customer_name, 'user', c.started_at
FROM load_conv c WHERE c.state <> 'pending'`;

export const REFERENCE_SQL = `
CREATE TEMP TABLE load_ref AS
SELECT $1::int AS total, $2::int AS per, $3::timestamptz AS anchor, $4::int AS span_days, $5::text[] AS agent_ids,
  $6::text[] AS agent_names, $7::text[] AS queue_ids, $8::text[] AS channel_ids, $9::text[] AS channel_kinds,
  $10::text[] AS first_names, $11::text[] AS last_names, $12::int AS sentences`;

/** Sentences the messages are drawn from: 4–14 words, early vocabulary words far more often. */
export const SENTENCES_SQL = `
CREATE TEMP TABLE load_sentence AS
SELECT i, upper(left(words, 1)) || substr(words, 2) || (CASE WHEN i % 4 = 0 THEN '?' ELSE '.' END) AS text
FROM generate_series(0, $2::int - 1) i,
LATERAL (
  SELECT string_agg(($1::text[])[1 + floor(power(random(), 2) * cardinality($1::text[]))::int], ' ') AS words
  FROM generate_series(0, 3 + i % 11) w
) s`;
