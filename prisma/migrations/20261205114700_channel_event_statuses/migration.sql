-- Delivery statuses that arrive before the sent message's id is recorded (issue 16, item 3).
CREATE TABLE "PendingDeliveryStatus" (
    "id" BIGSERIAL NOT NULL,
    "externalId" TEXT NOT NULL,
    "state" "DeliveryState" NOT NULL,
    "error" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingDeliveryStatus_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PendingDeliveryStatus_externalId_idx" ON "PendingDeliveryStatus"("externalId");
CREATE INDEX "PendingDeliveryStatus_receivedAt_idx" ON "PendingDeliveryStatus"("receivedAt");

-- Channel events whose data the console could not use: kept so they can be seen.
CREATE TABLE "RejectedEvent" (
    "key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RejectedEvent_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "RejectedEvent_createdAt_idx" ON "RejectedEvent"("createdAt");
