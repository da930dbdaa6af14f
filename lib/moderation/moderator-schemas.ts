import { z } from "zod";

/** Roles an admin can give from /moderation/moderators. */
export const MANAGEABLE_ROLES = ["MEMBER", "MODERATOR", "ADMIN"] as const;
export type ManageableRole = (typeof MANAGEABLE_ROLES)[number];

export const ROLE_REASON_MAX = 500;

/** "Make moderator": the member's e-mail address. Messages are keys in the "moderation" namespace. */
export const promoteModeratorSchema = z.object({
  email: z.string().trim().min(1, "moderators.errors.emailRequired").max(320, "moderators.errors.emailInvalid").email("moderators.errors.emailInvalid"),
});

/** A role change from a row of the list (demote, or make admin). */
export const setRoleSchema = z.object({
  memberId: z.string().trim().min(1, "errors.INVALID_INPUT").max(64, "errors.INVALID_INPUT"),
  role: z.enum(MANAGEABLE_ROLES, { error: "errors.INVALID_INPUT" }),
});
