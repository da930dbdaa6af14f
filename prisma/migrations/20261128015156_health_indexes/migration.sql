-- CreateIndex
CREATE INDEX "ConsentEvent_source_occurredAt_idx" ON "ConsentEvent"("source", "occurredAt");

-- CreateIndex
CREATE INDEX "EmailDelivery_status_sentAt_idx" ON "EmailDelivery"("status", "sentAt");

-- CreateIndex
CREATE INDEX "Post_createdAt_idx" ON "Post"("createdAt");

-- CreateIndex
CREATE INDEX "PostVote_createdAt_idx" ON "PostVote"("createdAt");

-- CreateIndex
CREATE INDEX "ReviewItem_resolvedAt_idx" ON "ReviewItem"("resolvedAt");
