import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { ALERT_LEVELS, ALERT_TARGET_TYPES, EMAIL_FREQUENCIES, PERSONAL_EVENTS } from "./alert-vocabulary";
import { shownTextVersionsSchema, TARGET_ID_MAX_LENGTH } from "./preference-schemas";

/**
 * Schemas shared by the preference center's controls (/account/preferences and the e-mail link
 * page /preferences/<token>) and their server actions. Every input is a plain object the page
 * builds (no free text but the time zone), so anything wrong means a stale or tampered page:
 * "errors.INVALID_INPUT" in the "preferences" namespace.
 */

const invalid = { error: "errors.INVALID_INPUT" } as const;

/** The longest token the verifier even looks at (server/tokens/verify-token.ts). */
export const PREFERENCE_TOKEN_MAX_LENGTH = 1024;
/** A bulk stop names at most one page's worth of ids, well under the server's 100. */
export const STOP_IDS_MAX = 100;

const locale = z.enum(LOCALES, invalid);
const textVersion = z.number(invalid).int(invalid.error).positive(invalid.error);

/** Versions of the WITHDRAWN texts a bulk stop or "unsubscribe from everything" showed, per purpose. */
export const withdrawalTextVersionsSchema = z.strictObject(
  { PRODUCT_ALERTS: textVersion.optional(), CATEGORY_ALERTS: textVersion.optional(), THREAD_ALERTS: textVersion.optional(), PERSONAL_NOTIFICATIONS: textVersion.optional() },
  invalid,
);
const id = z.string(invalid).min(1, invalid.error).max(TARGET_ID_MAX_LENGTH, invalid.error);

/** One personal event's in-app or e-mail switch turned on or off. */
export const personalChannelChangeSchema = z.strictObject(
  { event: z.enum(PERSONAL_EVENTS, invalid), channel: z.enum(["inApp", "email"], invalid), on: z.boolean(invalid), locale, textVersions: shownTextVersionsSchema },
  invalid,
);
export type PersonalChannelChange = z.infer<typeof personalChannelChangeSchema>;

/** "Pause all e-mail" on (paused) or off (resumed). */
export const emailPausedChangeSchema = z.strictObject({ paused: z.boolean(invalid), locale, textVersions: shownTextVersionsSchema }, invalid);
export type EmailPausedChange = z.infer<typeof emailPausedChangeSchema>;

/** When digests go out. The zone is checked against the IANA database by the server function. */
export const emailDeliverySchema = z.strictObject(
  {
    frequency: z.enum(EMAIL_FREQUENCIES, invalid),
    digestHour: z.number(invalid).int(invalid.error).min(0, invalid.error).max(23, invalid.error),
    digestWeekday: z.number(invalid).int(invalid.error).min(1, invalid.error).max(7, invalid.error),
    timeZone: z.string(invalid).min(1, invalid.error).max(64, invalid.error),
  },
  invalid,
);
export type EmailDeliveryChange = z.infer<typeof emailDeliverySchema>;

/** "Unsubscribe from everything": e-mail off on every subscription and personal event. */
export const unsubscribeFromAllSchema = z.strictObject({ locale, textVersions: withdrawalTextVersionsSchema }, invalid);
export type UnsubscribeFromAllRequest = z.infer<typeof unsubscribeFromAllSchema>;

/** Stop some subscriptions (back to Normal), or all of them. */
export const stopSubscriptionsSchema = z.strictObject(
  {
    subscriptionIds: z.union([z.literal("all"), z.array(id, invalid).min(1, invalid.error).max(STOP_IDS_MAX, invalid.error)], invalid),
    locale,
    textVersions: withdrawalTextVersionsSchema,
  },
  invalid,
);
export type StopSubscriptionsRequest = z.infer<typeof stopSubscriptionsSchema>;

/** Lowering one subscription from an e-mail link: a lower level and/or e-mail off (the server refuses anything that raises). */
export const lowerSubscriptionSchema = z.strictObject(
  {
    targetType: z.enum(ALERT_TARGET_TYPES, invalid),
    targetId: id,
    level: z.enum(ALERT_LEVELS, invalid).optional(),
    email: z.literal(false, invalid).optional(),
    locale,
    textVersions: shownTextVersionsSchema,
  },
  invalid,
);
export type LowerSubscriptionRequest = z.infer<typeof lowerSubscriptionSchema>;

/** The e-mail link's token travels with every action from that page; the action verifies it each time. */
const token = { token: z.string(invalid).min(1, invalid.error).max(PREFERENCE_TOKEN_MAX_LENGTH, invalid.error) };
export const linkPersonalEmailOffSchema = z.strictObject({ ...token, event: z.enum(PERSONAL_EVENTS, invalid), locale, textVersions: shownTextVersionsSchema }, invalid);
export const linkPauseEmailSchema = z.strictObject({ ...token, locale, textVersions: shownTextVersionsSchema }, invalid);
export const linkUnsubscribeFromAllSchema = unsubscribeFromAllSchema.extend(token);
export const linkStopSubscriptionsSchema = stopSubscriptionsSchema.extend(token);
export const linkLowerSubscriptionSchema = lowerSubscriptionSchema.extend(token);
