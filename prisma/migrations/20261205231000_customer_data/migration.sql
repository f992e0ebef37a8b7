-- Customers and their data (issue 21): erasure keeps report figures, per-queue retention, the audit log.

-- Episodes and bot resolutions outlive an erased conversation: their figures stay, the link goes.
ALTER TABLE "Episode" ALTER COLUMN "conversationId" DROP NOT NULL;
ALTER TABLE "Episode" DROP CONSTRAINT "Episode_conversationId_fkey";
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "BotResolution" ALTER COLUMN "conversationId" DROP NOT NULL;
ALTER TABLE "BotResolution" DROP CONSTRAINT "BotResolution_conversationId_fkey";
ALTER TABLE "BotResolution" ADD CONSTRAINT "BotResolution_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Per-queue retention of closed conversations (null: the environment's default).
ALTER TABLE "Queue" ADD COLUMN "retentionDays" INTEGER;
ALTER TABLE "Queue" ADD CONSTRAINT "Queue_retentionDays_range" CHECK ("retentionDays" IS NULL OR "retentionDays" BETWEEN 1 AND 36500);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "actorRole" "AgentRole",
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- Append-only: nothing edits or deletes an entry (TRUNCATE too).
CREATE FUNCTION "AuditEntry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEntry_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "AuditEntry_append_only"();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntry_append_only"();
