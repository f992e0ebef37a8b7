-- Reports (docs/benchmarks.md "Scale: reports"): a page of a period's episodes reads those that
-- started before it and closed in it on (closedAt, queuedAt); the SLA step finds open episodes
-- (closedAt IS NULL) on the same index.
DROP INDEX IF EXISTS "Episode_closedAt_idx";

-- CreateIndex
CREATE INDEX "Episode_closedAt_queuedAt_idx" ON "Episode"("closedAt", "queuedAt");
