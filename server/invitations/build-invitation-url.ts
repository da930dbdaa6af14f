import "server-only";
import { env } from "@/server/env";
import { signToken } from "@/server/tokens/sign-token";
import { INVITATION_TOKEN_KIND } from "./invitation-token-kind";

/** `${APP_URL}/invitation/<token>`: the token holds only the invitation's random id. */
export function buildInvitationUrl(invitationId: string): string {
  return `${env().APP_URL}/invitation/${signToken(INVITATION_TOKEN_KIND, invitationId)}`;
}
