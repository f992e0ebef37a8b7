-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "lastInboundAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ProcessedEvent_createdAt_idx" ON "ProcessedEvent"("createdAt");
