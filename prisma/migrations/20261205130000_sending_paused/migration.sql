-- Why sending to a conversation is paused (issue 16 item 4): a block by the customer, the bot
-- disabled by the tenant's administrator, out of the conversation's roster, or removed.
ALTER TABLE "Conversation" ADD COLUMN "blockedReason" TEXT;
UPDATE "Conversation" SET "blockedReason" = 'ConversationBlockedByUser' WHERE "blockedAt" IS NOT NULL;
