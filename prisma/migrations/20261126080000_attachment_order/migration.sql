-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "seq" BIGSERIAL NOT NULL;
