-- Rate limits across instances (issue 20): rate-limiter-flexible's PostgreSQL store, its table made here
-- rather than by the library at run time. `expire` is epoch milliseconds; its index serves the prune.
-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
