-- Contacts across channels, their custom attributes, and labels (issue 21).
CREATE TYPE "ContactAttributeType" AS ENUM ('text', 'number', 'date', 'boolean', 'choice');

CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Contact_mergedIntoId_idx" ON "Contact"("mergedIntoId");
CREATE INDEX "Contact_name_idx" ON "Contact" USING GIN ("name" gin_trgm_ops);

CREATE TABLE "ContactIdentity" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "channelKind" "ChannelKind" NOT NULL,
    "userId" TEXT NOT NULL,
    "verifiedKind" TEXT,
    "verifiedValue" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactIdentity_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ContactIdentity_channelId_userId_key" ON "ContactIdentity"("channelId", "userId");
CREATE INDEX "ContactIdentity_contactId_idx" ON "ContactIdentity"("contactId");
CREATE INDEX "ContactIdentity_verifiedKind_verifiedValue_idx" ON "ContactIdentity"("verifiedKind", "verifiedValue");
ALTER TABLE "ContactIdentity" ADD CONSTRAINT "ContactIdentity_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ContactIdentity" ADD CONSTRAINT "ContactIdentity_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ContactMerge" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "mergedById" TEXT,
    "moved" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    CONSTRAINT "ContactMerge_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ContactMerge_sourceId_idx" ON "ContactMerge"("sourceId");
CREATE INDEX "ContactMerge_targetId_idx" ON "ContactMerge"("targetId");

CREATE TABLE "ContactAttribute" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" "ContactAttributeType" NOT NULL,
    "options" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactAttribute_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ContactAttribute_key_key" ON "ContactAttribute"("key");

CREATE TABLE "ContactAttributeValue" (
    "contactId" TEXT NOT NULL,
    "attributeId" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactAttributeValue_pkey" PRIMARY KEY ("contactId", "attributeId")
);
CREATE INDEX "ContactAttributeValue_attributeId_idx" ON "ContactAttributeValue"("attributeId");
ALTER TABLE "ContactAttributeValue" ADD CONSTRAINT "ContactAttributeValue_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ContactAttributeValue" ADD CONSTRAINT "ContactAttributeValue_attributeId_fkey" FOREIGN KEY ("attributeId") REFERENCES "ContactAttribute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Label" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "colour" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Label_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Label_name_key" ON "Label"("name");

CREATE TABLE "ConversationLabel" (
    "conversationId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConversationLabel_pkey" PRIMARY KEY ("conversationId", "labelId")
);
CREATE INDEX "ConversationLabel_labelId_idx" ON "ConversationLabel"("labelId");
ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Conversation" ADD COLUMN "contactId" TEXT;
-- (contactId, customerId): also finds the conversations whose customer became known after they opened (lib/contacts/link-pending-contacts.ts).
CREATE INDEX "Conversation_contactId_customerId_idx" ON "Conversation"("contactId", "customerId");
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: a contact per channel identity of the existing conversations; WhatsApp numbers are
-- verified by the channel, so one contact per number (lib/contacts/verified-identifier.ts normalises the same way).
CREATE TEMP TABLE contact_backfill ON COMMIT DROP AS
SELECT c."channelId", ch.kind AS "channelKind", c."customerId" AS "userId",
       CASE WHEN ch.kind = 'whatsapp' THEN 'phone' END AS "verifiedKind",
       CASE WHEN ch.kind = 'whatsapp' THEN '+' || regexp_replace(c."customerId", '[^0-9]', '', 'g') END AS "verifiedValue",
       (array_agg(c."customerName" ORDER BY c."lastActivityAt" DESC))[1] AS name,
       min(c."createdAt") AS "createdAt",
       NULL::TEXT AS "contactId"
FROM "Conversation" c JOIN "Channel" ch ON ch.id = c."channelId"
WHERE c."customerId" IS NOT NULL
GROUP BY c."channelId", ch.kind, c."customerId";

UPDATE contact_backfill b SET "contactId" = k.id
FROM (SELECT key, gen_random_uuid()::text AS id
      FROM (SELECT DISTINCT coalesce("verifiedValue", "channelId" || ' ' || "userId") AS key FROM contact_backfill) keys) k
WHERE k.key = coalesce(b."verifiedValue", b."channelId" || ' ' || b."userId");

INSERT INTO "Contact" ("id", "name", "createdAt", "updatedAt")
SELECT "contactId", (array_agg(name) FILTER (WHERE name IS NOT NULL))[1], min("createdAt"), CURRENT_TIMESTAMP
FROM contact_backfill GROUP BY "contactId";

INSERT INTO "ContactIdentity" ("id", "contactId", "channelId", "channelKind", "userId", "verifiedKind", "verifiedValue", "createdAt")
SELECT gen_random_uuid()::text, "contactId", "channelId", "channelKind", "userId", "verifiedKind", "verifiedValue", "createdAt"
FROM contact_backfill;

UPDATE "Conversation" c SET "contactId" = b."contactId"
FROM contact_backfill b WHERE b."channelId" = c."channelId" AND b."userId" = c."customerId";
