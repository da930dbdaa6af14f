-- CreateEnum
CREATE TYPE "ConsentPurpose" AS ENUM ('COMMUNITY_MEMBERSHIP', 'OWNER_BADGE', 'PRODUCT_ALERTS', 'CATEGORY_ALERTS', 'THREAD_ALERTS', 'PERSONAL_NOTIFICATIONS', 'DIGEST');

-- CreateEnum
CREATE TYPE "ConsentAction" AS ENUM ('GRANTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('JOIN_PAGE', 'INVITATION_PAGE', 'ACCOUNT_PAGE', 'PREFERENCE_CENTER', 'EMAIL_ONE_CLICK', 'MODERATOR_ON_REQUEST', 'ACCOUNT_DELETION');

-- CreateEnum
CREATE TYPE "ConsentChannel" AS ENUM ('WEB', 'EMAIL');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "invitationsDeclined" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "isMember" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "memberSince" TIMESTAMP(3),
ADD COLUMN     "showsOwnerBadge" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ConsentText" (
    "id" TEXT NOT NULL,
    "purpose" "ConsentPurpose" NOT NULL,
    "action" "ConsentAction" NOT NULL,
    "version" INTEGER NOT NULL,
    "locale" "Locale" NOT NULL,
    "body" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" BIGSERIAL NOT NULL,
    "subjectId" TEXT NOT NULL,
    "purpose" "ConsentPurpose" NOT NULL,
    "action" "ConsentAction" NOT NULL,
    "scope" TEXT,
    "consentTextId" TEXT NOT NULL,
    "textVersion" INTEGER NOT NULL,
    "textSha256" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "channel" "ConsentChannel" NOT NULL,
    "requestId" TEXT NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopOrder" (
    "orderId" TEXT NOT NULL,
    "payloadSha256" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purchasedAt" TIMESTAMP(3) NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShopOrder_pkey" PRIMARY KEY ("orderId")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "orderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailSuppression" (
    "emailSha256" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailSuppression_pkey" PRIMARY KEY ("emailSha256")
);

-- CreateTable
CREATE TABLE "SentEmail" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SentEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsentText_purpose_action_version_locale_key" ON "ConsentText"("purpose", "action", "version", "locale");

-- CreateIndex
CREATE INDEX "ConsentEvent_subjectId_occurredAt_idx" ON "ConsentEvent"("subjectId", "occurredAt");

-- CreateIndex
CREATE INDEX "ConsentEvent_purpose_occurredAt_idx" ON "ConsentEvent"("purpose", "occurredAt");

-- CreateIndex
CREATE INDEX "ShopOrder_userId_idx" ON "ShopOrder"("userId");

-- CreateIndex
CREATE INDEX "Invitation_userId_idx" ON "Invitation"("userId");

-- CreateIndex
CREATE INDEX "SentEmail_userId_sentAt_idx" ON "SentEmail"("userId", "sentAt");

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_consentTextId_fkey" FOREIGN KEY ("consentTextId") REFERENCES "ConsentText"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopOrder" ADD CONSTRAINT "ShopOrder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SentEmail" ADD CONSTRAINT "SentEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The consent ledger and consent texts are append-only: proof that can be changed is no proof.
-- Refused for every role, including the application's own, whatever the client.
CREATE FUNCTION entraide_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ConsentEvent_append_only"
  BEFORE UPDATE OR DELETE ON "ConsentEvent"
  FOR EACH ROW EXECUTE FUNCTION entraide_refuse_change();
CREATE TRIGGER "ConsentEvent_no_truncate"
  BEFORE TRUNCATE ON "ConsentEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION entraide_refuse_change();

CREATE TRIGGER "ConsentText_append_only"
  BEFORE UPDATE OR DELETE ON "ConsentText"
  FOR EACH ROW EXECUTE FUNCTION entraide_refuse_change();
CREATE TRIGGER "ConsentText_no_truncate"
  BEFORE TRUNCATE ON "ConsentText"
  FOR EACH STATEMENT EXECUTE FUNCTION entraide_refuse_change();
