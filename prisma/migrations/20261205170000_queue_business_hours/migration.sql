-- AlterTable
ALTER TABLE "Queue" ADD COLUMN "calendar" JSONB,
ADD COLUMN "awayMessage" TEXT;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "closedNoticeEpisode" INTEGER NOT NULL DEFAULT 0;
