-- The inbox, search and transcripts at 1M conversations / 20M activities (issue #9; figures in
-- docs/benchmarks.md).

-- Substring search (ILIKE '%…%') through trigram GIN indexes. pg_trgm is a trusted extension: the
-- database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Every list is newest activity first with the id as tie-break: an ordered scan that stops after a page.
CREATE INDEX "Conversation_lastActivityAt_id_idx" ON "Conversation"("lastActivityAt", "id");

-- Mine: the few open conversations of an owner, not every one they ever closed.
DROP INDEX "Conversation_ownerId_lastActivityAt_idx";
CREATE INDEX "Conversation_ownerId_state_lastActivityAt_idx" ON "Conversation"("ownerId", "state", "lastActivityAt");

-- Search by customer (name or channel id) and by message text.
CREATE INDEX "Conversation_customerName_customerId_idx" ON "Conversation" USING GIN ("customerName" gin_trgm_ops, "customerId" gin_trgm_ops);
CREATE INDEX "Activity_text_idx" ON "Activity" USING GIN ("text" gin_trgm_ops);
