-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "privateKey" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatesAt" TIMESTAMP(3) NOT NULL,
    "retiresAt" TIMESTAMP(3),

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateIndex
CREATE UNIQUE INDEX "SigningKey_generation_key" ON "SigningKey"("generation");
