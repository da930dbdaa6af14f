import "server-only";
import type { TokenBucketPolicy } from "./rate-limiter";

/**
 * Every rate limit in one place (numbers documented in docs/ARCHITECTURE.md, "Rate limits").
 *
 * Token buckets, through a RateLimiter (memory or Postgres, RATE_LIMIT_STORE): `capacity`
 * requests at once, then `refillPerSecond`. Where a person is signed in the key is their user id,
 * never their IP: offices, campuses and mobile carriers put many people behind one address, and
 * the e2e suite runs every test from 127.0.0.1. Anonymous endpoints are keyed by client IP, with
 * bursts far above what one person or one mail provider needs.
 */
export const RATE_LIMIT_POLICIES = {
  /** Sign-in links asked for from one IP: 100 at once, then 10 a minute (mail volume and reputation). */
  "sign-in-ip": { capacity: 100, refillPerSecond: 1 / 6 },
  /**
   * Sign-in links to one address (keyed by its SHA-256, never the address): 20 at once, then one
   * a minute, so nobody can flood someone's inbox with links. Not tighter: a person on a flaky
   * mailbox asks again and again, and the e2e suite signs moderator@ in two dozen times in 15 min
   * (20 an hour starved its second browser project).
   */
  "sign-in-address": { capacity: 20, refillPerSecond: 1 / 60 },
  /** Post edits by one member: 30 at once, then 3 a minute (new posts are counted exactly, below). */
  "post-edit": { capacity: 30, refillPerSecond: 1 / 20 },
  /**
   * Shop webhook calls from one IP, before the signature is checked (a flood costs no HMAC work):
   * 300 at once, then 5 a second (18,000 an hour) — a catalog sync is a few calls, purchases
   * arrive one by one.
   */
  "shop-webhook": { capacity: 300, refillPerSecond: 5 },
  /** One-click unsubscribe and its page, per IP: 20 at once, then one every 2 seconds (tokens are HMACs anyway). */
  unsubscribe: { capacity: 20, refillPerSecond: 0.5 },
  /** The preference center opened from an e-mail link (page views and its actions), per IP: 60 at once, then one every 2 seconds. */
  "preference-link": { capacity: 60, refillPerSecond: 0.5 },
  /** Invitation pages and their Join / No thanks answers, per IP: 60 at once, then one every 2 seconds. */
  invitation: { capacity: 60, refillPerSecond: 0.5 },
} as const satisfies Record<string, TokenBucketPolicy>;

export type RateLimitPolicyName = keyof typeof RATE_LIMIT_POLICIES;

const MINUTE_MS = 60_000;

/**
 * New threads and replies, per member, counted exactly over their Post rows inside the
 * transaction that writes the post (server/discussions/check-posting-rate.ts): shared by every
 * instance whatever the store, and a refused or failed post costs nothing. 5 a minute, 50 a day.
 */
export const POSTING_LIMITS = [
  { windowMs: MINUTE_MS, max: 5 },
  { windowMs: 24 * 60 * MINUTE_MS, max: 50 },
] as const;

/** Flags per member, counted over their PostFlag rows the same way (server/moderation/flag-post.ts): 10 an hour. */
export const FLAG_RATE_LIMIT = { windowMs: 60 * MINUTE_MS, max: 10 } as const;
