-- AlterTable
ALTER TABLE "Queue" ADD COLUMN "firstResponseTargetSeconds" INTEGER,
ADD COLUMN "nextResponseTargetSeconds" INTEGER;

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN "firstResponseDueAt" TIMESTAMP(3),
ADD COLUMN "firstResponseBreached" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "slaKind" TEXT,
ADD COLUMN "slaWarnAt" TIMESTAMP(3),
ADD COLUMN "slaDueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SlaEvent" (
    "id" BIGSERIAL NOT NULL,
    "episodeId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlaEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SlaEvent_episodeId_kind_level_key" ON "SlaEvent"("episodeId", "kind", "level");

-- AddForeignKey
ALTER TABLE "SlaEvent" ADD CONSTRAINT "SlaEvent_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
