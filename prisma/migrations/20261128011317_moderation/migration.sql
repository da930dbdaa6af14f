/*
  Warnings:

  - A unique constraint covering the columns `[noticeId]` on the table `Notification` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "PostVisibility" AS ENUM ('VISIBLE', 'PENDING_REVIEW', 'HIDDEN');

-- CreateEnum
CREATE TYPE "FlagReason" AS ENUM ('SPAM', 'OFF_TOPIC', 'ABUSIVE', 'OTHER');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('FLAGGED', 'PRE_MODERATION');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('OPEN', 'APPROVED', 'HIDDEN', 'DELETED', 'EDITED');

-- CreateEnum
CREATE TYPE "SanctionKind" AS ENUM ('WARNING', 'SILENCE', 'SUSPENSION');

-- CreateEnum
CREATE TYPE "ModerationNoticeKind" AS ENUM ('WARNING', 'SILENCED', 'SUSPENDED', 'SANCTION_REVOKED', 'POST_APPROVED', 'POST_HIDDEN', 'POST_DELETED', 'POST_EDITED', 'THREAD_LOCKED', 'THREAD_MOVED', 'THREAD_MERGED', 'CONSENT_WITHDRAWAL_RECORDED');

-- AlterEnum
ALTER TYPE "NotificationReason" ADD VALUE 'MODERATOR_MESSAGE';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "noticeId" BIGINT,
ALTER COLUMN "eventId" DROP NOT NULL,
ALTER COLUMN "threadId" DROP NOT NULL,
ALTER COLUMN "postId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "visibility" "PostVisibility" NOT NULL DEFAULT 'VISIBLE';

-- AlterTable
ALTER TABLE "Thread" ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "pinnedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PostFlag" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "flaggerId" TEXT NOT NULL,
    "reason" "FlagReason" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewItemId" TEXT,

    CONSTRAINT "PostFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewItem" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'OPEN',
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedById" TEXT,
    "claimedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolutionReason" TEXT,

    CONSTRAINT "ReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sanction" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "SanctionKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "revokeReason" TEXT,

    CONSTRAINT "Sanction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationNotice" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ModerationNoticeKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "postId" TEXT,
    "threadId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLogEntry" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PostFlag_flaggerId_createdAt_idx" ON "PostFlag"("flaggerId", "createdAt");

-- CreateIndex
CREATE INDEX "PostFlag_postId_reviewItemId_idx" ON "PostFlag"("postId", "reviewItemId");

-- CreateIndex
CREATE UNIQUE INDEX "PostFlag_postId_flaggerId_key" ON "PostFlag"("postId", "flaggerId");

-- CreateIndex
CREATE INDEX "ReviewItem_status_openedAt_idx" ON "ReviewItem"("status", "openedAt");

-- CreateIndex
CREATE INDEX "ReviewItem_postId_idx" ON "ReviewItem"("postId");

-- CreateIndex
CREATE INDEX "Sanction_userId_kind_endsAt_idx" ON "Sanction"("userId", "kind", "endsAt");

-- CreateIndex
CREATE INDEX "ModerationNotice_userId_createdAt_idx" ON "ModerationNotice"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLogEntry_occurredAt_idx" ON "AuditLogEntry"("occurredAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLogEntry_actorId_occurredAt_idx" ON "AuditLogEntry"("actorId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLogEntry_targetType_targetId_occurredAt_idx" ON "AuditLogEntry"("targetType", "targetId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLogEntry_action_occurredAt_idx" ON "AuditLogEntry"("action", "occurredAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_noticeId_key" ON "Notification"("noticeId");

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Thread"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "ModerationNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostFlag" ADD CONSTRAINT "PostFlag_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostFlag" ADD CONSTRAINT "PostFlag_flaggerId_fkey" FOREIGN KEY ("flaggerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostFlag" ADD CONSTRAINT "PostFlag_reviewItemId_fkey" FOREIGN KEY ("reviewItemId") REFERENCES "ReviewItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationNotice" ADD CONSTRAINT "ModerationNotice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationNotice" ADD CONSTRAINT "ModerationNotice_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLogEntry" ADD CONSTRAINT "AuditLogEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one open review per post: a second flag joins the open item instead of opening another.
CREATE UNIQUE INDEX "ReviewItem_one_open_per_post" ON "ReviewItem" ("postId") WHERE status = 'OPEN';

-- A notification comes from exactly one source: a community event or a moderation notice.
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_one_source"
  CHECK (num_nonnulls("eventId", "noticeId") = 1);

-- Public lists skip posts waiting for review or hidden.
CREATE INDEX "Post_threadId_visibility" ON "Post" ("threadId") WHERE visibility <> 'VISIBLE';

-- The audit log is append-only, like the consent ledger: refused for every role.
CREATE TRIGGER "AuditLogEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLogEntry"
  FOR EACH ROW EXECUTE FUNCTION entraide_refuse_change();
CREATE TRIGGER "AuditLogEntry_no_truncate"
  BEFORE TRUNCATE ON "AuditLogEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION entraide_refuse_change();
