-- CreateEnum
CREATE TYPE "EpisodeSource" AS ENUM ('first_message', 'reopen', 'handoff');

-- CreateTable
CREATE TABLE "Episode" (
    "id" BIGSERIAL NOT NULL,
    "conversationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "source" "EpisodeSource" NOT NULL,
    "queueId" TEXT,
    "channelId" TEXT NOT NULL,
    "startSeq" INTEGER NOT NULL,
    "answeredSeq" INTEGER NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "firstResponseAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "ownerId" TEXT,
    "customerMessages" INTEGER NOT NULL DEFAULT 0,
    "agentMessages" INTEGER NOT NULL DEFAULT 0,
    "transfers" INTEGER NOT NULL DEFAULT 0,
    "consults" INTEGER NOT NULL DEFAULT 0,
    "botHandled" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Episode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeResponse" (
    "id" BIGSERIAL NOT NULL,
    "episodeId" BIGINT NOT NULL,
    "seconds" DOUBLE PRECISION NOT NULL,
    "respondedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EpisodeResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PresenceChange" (
    "id" BIGSERIAL NOT NULL,
    "agentId" TEXT NOT NULL,
    "presence" "Presence" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PresenceChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Episode_conversationId_number_key" ON "Episode"("conversationId", "number");

-- CreateIndex
CREATE INDEX "Episode_queuedAt_idx" ON "Episode"("queuedAt");

-- CreateIndex
CREATE INDEX "Episode_closedAt_idx" ON "Episode"("closedAt");

-- CreateIndex
CREATE INDEX "EpisodeResponse_episodeId_idx" ON "EpisodeResponse"("episodeId");

-- CreateIndex
CREATE INDEX "PresenceChange_agentId_at_idx" ON "PresenceChange"("agentId", "at");

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "Queue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeResponse" ADD CONSTRAINT "EpisodeResponse_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PresenceChange" ADD CONSTRAINT "PresenceChange_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Conversations already out of pending are in their current episode: what the row can tell of it.
INSERT INTO "Episode" ("conversationId", "number", "source", "queueId", "channelId", "startSeq", "answeredSeq",
  "queuedAt", "acceptedAt", "closedAt", "ownerId")
SELECT c.id, c.episode, CASE WHEN c.episode > 1 THEN 'reopen' ELSE 'first_message' END::"EpisodeSource", c."queueId",
  c."channelId", 0, c."lastSeq", coalesce(c."queuedAt", c."createdAt"), c."acceptedAt", c."closedAt", c."ownerId"
FROM "Conversation" c WHERE c.episode > 0;

-- Every agent is in their present state from now on.
INSERT INTO "PresenceChange" ("agentId", "presence") SELECT id, presence FROM "Agent";
