/** Addresses of the invitation flow, in one place so links and redirects never drift apart. */

/** The join page (built by membership) knows from `from=invitation` where the person came from. */
export const JOIN_FROM_INVITATION_PATH = "/join?from=invitation";

export function invitationPath(token: string): string {
  return `/invitation/${encodeURIComponent(token)}`;
}

export function invitationDeclinePath(token: string): string {
  return `${invitationPath(token)}/decline`;
}
