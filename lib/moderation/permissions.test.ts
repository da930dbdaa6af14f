import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS } from "./permissions";

describe("moderation permissions", () => {
  it("members and signed-out people have none", () => {
    for (const permission of PERMISSIONS) {
      expect(hasPermission("MEMBER", permission)).toBe(false);
      expect(hasPermission(null, permission)).toBe(false);
    }
  });

  it("moderators moderate but neither manage moderators nor read the consent ledger; admins do everything", () => {
    expect(hasPermission("MODERATOR", "post.hide")).toBe(true);
    expect(hasPermission("MODERATOR", "member.suspend")).toBe(true);
    expect(hasPermission("MODERATOR", "moderators.manage")).toBe(false);
    expect(hasPermission("MODERATOR", "ledger.view")).toBe(false);
    for (const permission of PERMISSIONS) expect(hasPermission("ADMIN", permission)).toBe(true);
  });
});
