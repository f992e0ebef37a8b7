-- The trigram indexes on rows written with every inbound activity take their entries at once instead
-- of through GIN's pending list. With the list (fastupdate, the default) whichever insert found it
-- over gin_pending_list_limit (4 MB) merged it into the index itself, inside its own request: one
-- stall of 50-100 ms every few seconds under steady ingest, the p99 at 500 activities/s (docs/performance.md).
ALTER INDEX "Activity_text_idx" SET (fastupdate = off);
ALTER INDEX "Conversation_customerName_customerId_idx" SET (fastupdate = off);

-- What the lists already hold is merged now rather than left to the next vacuum.
SELECT gin_clean_pending_list('"Activity_text_idx"'::regclass);
SELECT gin_clean_pending_list('"Conversation_customerName_customerId_idx"'::regclass);
