-- A report narrowed to one agent or one queue reads only that agent's or queue's episodes of the
-- period: those that started in it and those that closed in it (docs/benchmarks.md "Scale: reports").
-- CreateIndex
CREATE INDEX "Episode_ownerId_queuedAt_idx" ON "Episode"("ownerId", "queuedAt");

-- CreateIndex
CREATE INDEX "Episode_ownerId_closedAt_idx" ON "Episode"("ownerId", "closedAt");

-- CreateIndex
CREATE INDEX "Episode_queueId_queuedAt_idx" ON "Episode"("queueId", "queuedAt");

-- CreateIndex
CREATE INDEX "Episode_queueId_closedAt_idx" ON "Episode"("queueId", "closedAt");
