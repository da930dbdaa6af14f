/** Message namespaces: one file per namespace in messages/<locale>/. Add a namespace here and in both locales. */
export const NAMESPACES = ["common", "shell", "catalog", "auth", "mailbox", "errors", "dataRights", "membership", "invitation", "discussions", "preferences", "email", "notifications", "moderation"] as const;
export type Namespace = (typeof NAMESPACES)[number];
