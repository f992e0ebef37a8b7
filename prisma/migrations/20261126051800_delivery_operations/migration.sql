-- CreateEnum
CREATE TYPE "DeliveryOperation" AS ENUM ('send', 'update', 'delete');

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "operation" "DeliveryOperation" NOT NULL DEFAULT 'send';
