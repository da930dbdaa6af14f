import { z } from "zod";
import { stripUnstorableCharacters } from "@/lib/text/strip-unstorable-characters";
import { BODY_MAX_LENGTH } from "@/lib/discussions/post-limits";
import { FLAG_REASONS } from "./flag-post-schema";

export const REVIEW_DECISIONS = ["approve", "hide", "delete", "edit"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
/** Decisions the member is told the reason for must come with one. */
export const DECISIONS_NEEDING_REASON: readonly ReviewDecision[] = ["hide", "delete", "edit"];
export const RESOLUTION_REASON_MAX_LENGTH = 500;
/** One bulk action resolves at most this many items. */
export const MAX_BULK_ITEMS = 100;

const reviewItemId = z.string().trim().min(1).max(64);

// Messages are keys in the "moderation" namespace.
export const resolveReviewItemsSchema = z
  .object({
    ids: z.array(reviewItemId, { error: "queue.errors.noneSelected" }).min(1, "queue.errors.noneSelected").max(MAX_BULK_ITEMS, "queue.errors.tooMany"),
    decision: z.enum(REVIEW_DECISIONS, { error: "queue.errors.unexpected" }),
    reason: z.string().overwrite(stripUnstorableCharacters).trim().max(RESOLUTION_REASON_MAX_LENGTH, "queue.errors.reasonTooLong").default(""),
    /** The new body, for "edit" only (one item). */
    body: z.string().overwrite(stripUnstorableCharacters).trim().max(BODY_MAX_LENGTH, "queue.errors.bodyTooLong").optional(),
  })
  .superRefine((value, context) => {
    if (DECISIONS_NEEDING_REASON.includes(value.decision) && value.reason.length < 3) {
      context.addIssue({ code: "custom", path: ["reason"], message: "queue.errors.reasonRequired" });
    }
    if (value.decision === "edit") {
      if (value.ids.length !== 1) context.addIssue({ code: "custom", path: ["ids"], message: "queue.errors.editOne" });
      if (!value.body) context.addIssue({ code: "custom", path: ["body"], message: "queue.errors.bodyRequired" });
    }
  });
export type ResolveReviewItemsInput = z.infer<typeof resolveReviewItemsSchema>;

export const claimReviewItemSchema = z.object({ id: reviewItemId, claim: z.boolean() });

export const QUEUE_AGES = ["any", "1d", "7d", "30d"] as const;
export type QueueAge = (typeof QUEUE_AGES)[number];
export const QUEUE_REASONS = [...FLAG_REASONS, "PRE_MODERATION"] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

/** The queue's filters as they come in the URL; anything unknown is ignored. */
export const reviewQueueFiltersSchema = z.object({
  product: z.string().trim().max(200).optional().catch(undefined),
  reason: z.enum(QUEUE_REASONS).optional().catch(undefined),
  age: z.enum(QUEUE_AGES).optional().catch(undefined),
  after: z.string().trim().max(200).optional().catch(undefined),
});
export type ReviewQueueFilters = z.infer<typeof reviewQueueFiltersSchema>;
