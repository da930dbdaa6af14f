-- CreateEnum
CREATE TYPE "AlertLevel" AS ENUM ('EVERYTHING', 'NEW_THREADS', 'NORMAL', 'MUTED');

-- CreateEnum
CREATE TYPE "PersonalEvent" AS ENUM ('REPLY_TO_MY_POST', 'MENTION', 'ANSWER_TO_MY_QUESTION', 'ANSWER_ACCEPTED', 'MODERATOR_MESSAGE');

-- CreateEnum
CREATE TYPE "EmailFrequency" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY');

-- AlterEnum
ALTER TYPE "ConsentPurpose" ADD VALUE 'ALERT_EMAIL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ConsentSource" ADD VALUE 'PRODUCT_PAGE';
ALTER TYPE "ConsentSource" ADD VALUE 'CATEGORY_PAGE';
ALTER TYPE "ConsentSource" ADD VALUE 'THREAD_PAGE';
ALTER TYPE "ConsentSource" ADD VALUE 'EMAIL_PREFERENCE_LINK';

-- AlterTable
ALTER TABLE "ConsentEvent" ADD COLUMN     "detail" TEXT;

-- CreateTable
CREATE TABLE "AlertSubscription" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "productId" TEXT,
    "categoryId" TEXT,
    "threadId" TEXT,
    "level" "AlertLevel" NOT NULL,
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT false,
    "source" "ConsentSource" NOT NULL,
    "chosenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonalEventPreference" (
    "userId" TEXT NOT NULL,
    "event" "PersonalEvent" NOT NULL,
    "inApp" BOOLEAN NOT NULL,
    "email" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonalEventPreference_pkey" PRIMARY KEY ("userId","event")
);

-- CreateTable
CREATE TABLE "EmailPreference" (
    "userId" TEXT NOT NULL,
    "frequency" "EmailFrequency" NOT NULL DEFAULT 'IMMEDIATE',
    "digestHour" INTEGER NOT NULL DEFAULT 8,
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "pausedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "AlertSubscription_productId_level_idx" ON "AlertSubscription"("productId", "level");

-- CreateIndex
CREATE INDEX "AlertSubscription_categoryId_level_idx" ON "AlertSubscription"("categoryId", "level");

-- CreateIndex
CREATE INDEX "AlertSubscription_threadId_level_idx" ON "AlertSubscription"("threadId", "level");

-- CreateIndex
CREATE INDEX "AlertSubscription_userId_chosenAt_idx" ON "AlertSubscription"("userId", "chosenAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_userId_productId_key" ON "AlertSubscription"("userId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_userId_categoryId_key" ON "AlertSubscription"("userId", "categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_userId_threadId_key" ON "AlertSubscription"("userId", "threadId");

-- AddForeignKey
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalEventPreference" ADD CONSTRAINT "PersonalEventPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailPreference" ADD CONSTRAINT "EmailPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A subscription is about exactly one product, category or thread.
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_one_target"
  CHECK (num_nonnulls("productId", "categoryId", "threadId") = 1);
-- "New threads" means nothing for a single thread.
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_thread_level"
  CHECK ("threadId" IS NULL OR "level" <> 'NEW_THREADS');
ALTER TABLE "EmailPreference" ADD CONSTRAINT "EmailPreference_digest_hour" CHECK ("digestHour" BETWEEN 0 AND 23);
ALTER TABLE "EmailPreference" ADD CONSTRAINT "EmailPreference_digest_weekday" CHECK ("digestWeekday" BETWEEN 1 AND 7);
