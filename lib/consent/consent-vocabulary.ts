/**
 * The consent vocabulary, mirrored from prisma/schema.prisma so client components can use it
 * without importing the database client. A test keeps both in step.
 */

export const CONSENT_PURPOSES = [
  "COMMUNITY_MEMBERSHIP",
  "OWNER_BADGE",
  "PRODUCT_ALERTS",
  "CATEGORY_ALERTS",
  "THREAD_ALERTS",
  "PERSONAL_NOTIFICATIONS",
  "DIGEST",
  "ALERT_EMAIL",
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_ACTIONS = ["GRANTED", "WITHDRAWN"] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

export const CONSENT_SOURCES = [
  "JOIN_PAGE",
  "INVITATION_PAGE",
  "ACCOUNT_PAGE",
  "PREFERENCE_CENTER",
  "EMAIL_ONE_CLICK",
  "MODERATOR_ON_REQUEST",
  "ACCOUNT_DELETION",
  "PRODUCT_PAGE",
  "CATEGORY_PAGE",
  "THREAD_PAGE",
  "EMAIL_PREFERENCE_LINK",
] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

export const CONSENT_CHANNELS = ["WEB", "EMAIL"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
