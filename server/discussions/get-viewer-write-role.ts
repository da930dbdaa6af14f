import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { getMembershipState } from "@/server/membership/get-membership-state";

export type ViewerWriteRole =
  | { kind: "signedOut" }
  | { kind: "nonMember"; userId: string }
  | { kind: "member"; userId: string; isModerator: boolean };

/**
 * Who is looking, as far as writing is concerned, once per request. Only decides what the page
 * offers: every write function checks membership and rights again on the server.
 */
export const getViewerWriteRole = cache(async (): Promise<ViewerWriteRole> => {
  const user = await getCurrentUser();
  if (!user) return { kind: "signedOut" };
  const { isMember } = await getMembershipState(user.id);
  if (!isMember) return { kind: "nonMember", userId: user.id };
  return { kind: "member", userId: user.id, isModerator: user.role === "MODERATOR" || user.role === "ADMIN" };
});
