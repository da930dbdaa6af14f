import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { ALERT_LEVELS, ALERT_TARGET_TYPES, LEVELS_FOR_TARGET, PREFERENCE_SOURCES } from "./alert-vocabulary";

/**
 * Schemas shared by the preference controls (the Watch menu, the preference center) and their
 * server actions. Messages are keys in the "preferences" namespace. Everything here is set by the
 * page, not typed by the person, so anything wrong means a stale or tampered page: "errors.INVALID_INPUT".
 */

const invalid = { error: "errors.INVALID_INPUT" } as const;

/** Ids are cuids (25 characters); the bound only keeps junk out of the query. */
export const TARGET_ID_MAX_LENGTH = 64;

const textVersion = z.number(invalid).int(invalid.error).positive(invalid.error);

/** The versions of the consent texts the control showed: GRANTED beside raising choices, WITHDRAWN beside lowering ones. */
export const shownTextVersionsSchema = z.strictObject({ GRANTED: textVersion.optional(), WITHDRAWN: textVersion.optional() }, invalid);

/** One change to one product, category or thread subscription (a plain object, not a form). */
export const alertSubscriptionFormSchema = z
  .strictObject(
    {
      targetType: z.enum(ALERT_TARGET_TYPES, invalid),
      targetId: z.string(invalid).min(1, invalid.error).max(TARGET_ID_MAX_LENGTH, invalid.error),
      level: z.enum(ALERT_LEVELS, invalid).optional(),
      inApp: z.boolean(invalid).optional(),
      email: z.boolean(invalid).optional(),
      source: z.enum(PREFERENCE_SOURCES, invalid),
      /** The language the consent texts were shown in (their hash goes on the ledger). */
      locale: z.enum(LOCALES, invalid),
      textVersions: shownTextVersionsSchema,
    },
    invalid,
  )
  .refine((input) => input.level !== undefined || input.inApp !== undefined || input.email !== undefined, { message: invalid.error, path: ["level"] })
  .refine((input) => input.level === undefined || LEVELS_FOR_TARGET[input.targetType].includes(input.level), { message: invalid.error, path: ["level"] });
export type AlertSubscriptionForm = z.infer<typeof alertSubscriptionFormSchema>;
