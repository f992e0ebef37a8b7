-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "episode" INTEGER NOT NULL DEFAULT 0;

-- Conversations that already left pending are in their first episode at least.
UPDATE "Conversation" SET "episode" = 1 WHERE state <> 'pending';
