import { z } from "zod";

// Notification ids are bigint primary keys, sent as decimal strings.
export const notificationIdField = z.string({ error: "errors.unexpected" }).regex(/^[1-9][0-9]{0,18}$/, "errors.unexpected");

/** What "Mark as read" (and opening a notification) sends: a plain object, not a form. */
export const markNotificationReadSchema = z.object({ notificationId: notificationIdField });
export type MarkNotificationReadInput = z.infer<typeof markNotificationReadSchema>;
