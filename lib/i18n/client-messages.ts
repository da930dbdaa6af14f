/**
 * The parts of the message catalog that client components read (useTranslations in a "use
 * client" module or anything one imports). Only these go to the browser: the root layout's
 * NextIntlClientProvider would otherwise serialize the whole catalog (~60 KB) into every page's
 * RSC payload, e-mail and server-only page texts included. client-messages.test.ts walks the
 * client modules and fails when one reads a namespace missing here.
 */
export const CLIENT_MESSAGE_PATHS = [
  "auth",
  "dataRights",
  "discussions",
  "email.devMailbox",
  "errors.unexpected",
  "invitation.decline",
  "membership",
  "moderation.flags",
  "moderation.health",
  "moderation.moderators",
  "moderation.queue",
  "notifications",
  "preferences",
] as const;

type MessageTree = { [key: string]: string | MessageTree };

/** A copy of `messages` holding only the given dotted paths (missing ones are skipped). */
export function pickMessages(messages: MessageTree, paths: readonly string[] = CLIENT_MESSAGE_PATHS): MessageTree {
  const picked: MessageTree = {};
  for (const dotted of paths) {
    const keys = dotted.split(".");
    let source: string | MessageTree | undefined = messages;
    for (const key of keys) source = typeof source === "object" ? source[key] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      target = typeof next === "object" ? next : (target[key] = {});
    }
    target[keys.at(-1)!] = source;
  }
  return picked;
}
