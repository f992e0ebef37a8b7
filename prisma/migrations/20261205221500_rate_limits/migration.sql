-- Rate limits across instances (issue 20): rate-limiter-flexible's PostgreSQL store, its table made here
-- rather than by the library at run time. `expire` is epoch milliseconds; its index serves the prune.
-- UNLOGGED: every limited request updates a row, and counters need no durability (after a crash or on a
-- standby the table is empty: callers start their minute afresh). Logged, each update was a WAL flush of
-- its own and cost ingest more than half its throughput (docs/performance.md, "Rate limits").
-- CreateTable
CREATE UNLOGGED TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
