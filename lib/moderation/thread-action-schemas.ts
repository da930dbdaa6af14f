import { z } from "zod";
import { stripUnstorableCharacters } from "@/lib/text/strip-unstorable-characters";

export const MODERATION_REASON_LENGTH = { min: 3, max: 500 } as const;

// Messages are keys in the "moderation" namespace, translated by the action.
export const moderationReasonField = z
  .string({ error: "thread.fields.reasonRequired" })
  .overwrite(stripUnstorableCharacters)
  .trim()
  .min(MODERATION_REASON_LENGTH.min, "thread.fields.reasonRequired")
  .max(MODERATION_REASON_LENGTH.max, "thread.fields.reasonTooLong");

export const moderationIdField = z.string({ error: "errors.NOT_FOUND" }).trim().min(1, "errors.NOT_FOUND").max(64, "errors.NOT_FOUND");

const onOffField = z.enum(["on", "off"], { error: "errors.INVALID_INPUT" }).transform((value) => value === "on");

/** Lock/unlock and pin/unpin: the thread, on or off, and why. */
export const threadToggleSchema = z.object({ threadId: moderationIdField, state: onOffField, reason: moderationReasonField });
export const THREAD_TOGGLE_FIELDS = ["threadId", "state", "reason"] as const;

/** Move to another product, named by its slug. */
export const moveThreadSchema = z.object({
  threadId: moderationIdField,
  productSlug: z.string({ error: "thread.fields.productRequired" }).trim().min(1, "thread.fields.productRequired").max(200, "thread.fields.productRequired"),
  reason: moderationReasonField,
});
export const MOVE_THREAD_FIELDS = ["threadId", "productSlug", "reason"] as const;

/**
 * The thread a duplicate is merged into: its id, or any URL or path of it ("/t/<id>/<slug>",
 * "https://…/t/<id>?post=…").
 */
export function threadIdFromReference(reference: string): string | null {
  const text = reference.trim();
  const fromPath = /\/t\/([a-z0-9]{8,40})(?:[/?#]|$)/i.exec(text);
  if (fromPath?.[1]) return fromPath[1];
  return /^[a-z0-9]{8,40}$/i.test(text) ? text : null;
}

export const mergeThreadSchema = z.object({
  threadId: moderationIdField,
  target: z
    .string({ error: "thread.fields.targetRequired" })
    .trim()
    .max(2000, "thread.fields.targetInvalid")
    .transform((value, context) => {
      const id = threadIdFromReference(value);
      if (!id) {
        context.addIssue({ code: "custom", message: value ? "thread.fields.targetInvalid" : "thread.fields.targetRequired" });
        return z.NEVER;
      }
      return id;
    }),
  reason: moderationReasonField,
});
export const MERGE_THREAD_FIELDS = ["threadId", "target", "reason"] as const;
