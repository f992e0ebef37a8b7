-- Bounded tables (issue 20): how far the worker has pruned the event log.
-- CreateTable
CREATE TABLE "EventLogHorizon" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "prunedThroughId" BIGINT NOT NULL,
    "prunedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventLogHorizon_pkey" PRIMARY KEY ("id")
);
