import "server-only";

/** The signed-token kind of invitation links: such a token opens nothing else. */
export const INVITATION_TOKEN_KIND = "invitation";
