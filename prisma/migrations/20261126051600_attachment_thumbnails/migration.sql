-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "thumbnailOfId" TEXT;

-- CreateIndex
CREATE INDEX "Attachment_thumbnailOfId_idx" ON "Attachment"("thumbnailOfId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_thumbnailOfId_fkey" FOREIGN KEY ("thumbnailOfId") REFERENCES "Attachment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
