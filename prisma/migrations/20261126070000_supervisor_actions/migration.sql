-- CreateEnum
CREATE TYPE "SupervisorActionKind" AS ENUM ('takeOver', 'reassign', 'transfer', 'forceClose');

-- CreateTable
CREATE TABLE "SupervisorAction" (
    "id" BIGSERIAL NOT NULL,
    "supervisorId" TEXT NOT NULL,
    "kind" "SupervisorActionKind" NOT NULL,
    "conversationId" TEXT NOT NULL,
    "agentId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisorAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupervisorAction_createdAt_idx" ON "SupervisorAction"("createdAt");

-- CreateIndex
CREATE INDEX "SupervisorAction_conversationId_idx" ON "SupervisorAction"("conversationId");

-- AddForeignKey
ALTER TABLE "SupervisorAction" ADD CONSTRAINT "SupervisorAction_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisorAction" ADD CONSTRAINT "SupervisorAction_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisorAction" ADD CONSTRAINT "SupervisorAction_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
