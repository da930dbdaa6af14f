import type { Permission } from "./permissions";

export const MODERATION_PATH = "/moderation";

/** The dashboard's sections, in nav order, each with the permission its page checks. */
export const MODERATION_SECTIONS = [
  { key: "overview", href: "/moderation", permission: "moderation.access" },
  { key: "queue", href: "/moderation/queue", permission: "queue.review" },
  { key: "members", href: "/moderation/members", permission: "member.view" },
  { key: "audit", href: "/moderation/audit", permission: "audit.view" },
  { key: "health", href: "/moderation/health", permission: "health.view" },
  { key: "ledger", href: "/moderation/ledger", permission: "ledger.view" },
  { key: "moderators", href: "/moderation/moderators", permission: "moderators.manage" },
] as const satisfies readonly { key: string; href: string; permission: Permission }[];

export type ModerationSectionKey = (typeof MODERATION_SECTIONS)[number]["key"];
