-- AlterTable
ALTER TABLE "Queue" ADD COLUMN "surveyEnabled" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SatisfactionSurvey" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "episode" INTEGER NOT NULL,
    "queueId" TEXT,
    "ownerId" TEXT,
    "activityId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rating" INTEGER,
    "comment" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "SatisfactionSurvey_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SatisfactionSurvey_rating_check" CHECK ("rating" BETWEEN 1 AND 5)
);

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionSurvey_conversationId_episode_key" ON "SatisfactionSurvey"("conversationId", "episode");

-- CreateIndex
CREATE INDEX "SatisfactionSurvey_ownerId_answeredAt_idx" ON "SatisfactionSurvey"("ownerId", "answeredAt");

-- AddForeignKey
ALTER TABLE "SatisfactionSurvey" ADD CONSTRAINT "SatisfactionSurvey_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
