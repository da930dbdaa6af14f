import { describe, expect, it } from "vitest";
import { declineInvitationSchema } from "./decline-invitation-schema";

describe("declineInvitationSchema", () => {
  it("reads an unticked box (absent) as false and a ticked one as true", () => {
    expect(declineInvitationSchema.parse({ token: "k.a.b", dontInviteAgain: null })).toEqual({ token: "k.a.b", dontInviteAgain: false });
    expect(declineInvitationSchema.parse({ token: "k.a.b" })).toEqual({ token: "k.a.b", dontInviteAgain: false });
    expect(declineInvitationSchema.parse({ token: "k.a.b", dontInviteAgain: "on" })).toEqual({ token: "k.a.b", dontInviteAgain: true });
  });

  it("refuses a missing token or an unexpected checkbox value", () => {
    expect(declineInvitationSchema.safeParse({ token: null }).success).toBe(false);
    expect(declineInvitationSchema.safeParse({ token: "" }).success).toBe(false);
    expect(declineInvitationSchema.safeParse({ token: "k.a.b", dontInviteAgain: "yes" }).success).toBe(false);
  });
});
