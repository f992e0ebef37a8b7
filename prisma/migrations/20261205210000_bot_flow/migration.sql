-- A bot answers first (issue 19): bots are channels; a queue names its bot; the bot holds conversations.
-- AlterEnum
ALTER TYPE "ChannelKind" ADD VALUE 'bot';
ALTER TYPE "ConversationState" ADD VALUE 'bot' BEFORE 'queued';

-- CreateEnum
CREATE TYPE "QueueBotMode" AS ENUM ('environment', 'own', 'none');

-- AlterTable
ALTER TABLE "Queue" ADD COLUMN "botMode" "QueueBotMode" NOT NULL DEFAULT 'environment',
ADD COLUMN "botChannelId" TEXT;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "botChannelId" TEXT,
ADD COLUMN "handoff" JSONB;

-- CreateTable
CREATE TABLE "BotResolution" (
    "id" BIGSERIAL NOT NULL,
    "conversationId" TEXT NOT NULL,
    "botChannelId" TEXT,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BotResolution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BotResolution_at_idx" ON "BotResolution"("at");

-- AddForeignKey
ALTER TABLE "Queue" ADD CONSTRAINT "Queue_botChannelId_fkey" FOREIGN KEY ("botChannelId") REFERENCES "Channel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_botChannelId_fkey" FOREIGN KEY ("botChannelId") REFERENCES "Channel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BotResolution" ADD CONSTRAINT "BotResolution_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BotResolution" ADD CONSTRAINT "BotResolution_botChannelId_fkey" FOREIGN KEY ("botChannelId") REFERENCES "Channel"("id") ON DELETE SET NULL ON UPDATE CASCADE;
