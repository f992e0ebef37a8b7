-- Next-response SLA per run of unanswered customer messages (docs/metrics.md "SLA targets"): an
-- SLA event is keyed by the clock it belongs to, and each next response records whether it came
-- by its due instant.
ALTER TABLE "SlaEvent" ADD COLUMN "startedAt" TIMESTAMP(3);

-- Events so far were once per episode and kind: a first-response clock starts at the queue entry;
-- for a next-response one the start is not kept, its due instant stands in (unique per episode).
UPDATE "SlaEvent" s SET "startedAt" = CASE WHEN s.kind = 'first' THEN e."queuedAt" ELSE s."dueAt" END
FROM "Episode" e WHERE e.id = s."episodeId";

ALTER TABLE "SlaEvent" ALTER COLUMN "startedAt" SET NOT NULL;

DROP INDEX "SlaEvent_episodeId_kind_level_key";

-- CreateIndex
CREATE UNIQUE INDEX "SlaEvent_episodeId_kind_startedAt_level_key" ON "SlaEvent"("episodeId", "kind", "startedAt", "level");

-- AlterTable
ALTER TABLE "EpisodeResponse" ADD COLUMN "withinSla" BOOLEAN;
