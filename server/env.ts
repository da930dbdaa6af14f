import "server-only";
import { z } from "zod";
import { tokenSigningKeysSchema } from "./tokens/token-signing-keys-schema";

/**
 * The one place that reads process.env. Parsed lazily (first call) rather than at import,
 * because `next build` imports route modules without a runtime environment.
 */

const isProduction = process.env.NODE_ENV === "production";

// Development defaults let `npm install && npm run dev` work with no configuration; production
// refuses to start without real values.
const devOnlyDefault = <T extends z.ZodTypeAny>(schema: T, fallback: string) =>
  isProduction ? schema : z.preprocess((v) => (v === undefined || v === "" ? fallback : v), schema);

const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).optional());

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (the launcher sets it when it starts the embedded PostgreSQL)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  APP_URL: devOnlyDefault(
    z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL, e.g. https://community.example.com" }),
    "http://localhost:3000",
  ).transform((url) => url.replace(/\/+$/, "")),
  NEXTAUTH_SECRET: devOnlyDefault(
    z.string({ error: "is required: a random string of at least 32 characters" }).min(32, "must be at least 32 characters"),
    "development-only-secret-not-for-production-use",
  ),
  SMTP_URL: isProduction
    ? z.string({ error: "is required in production, e.g. smtp://user:pass@smtp.example.com:587" }).regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    : z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional()),
  EMAIL_FROM: z.string().min(3).default("Entraide <no-reply@entraide.localhost>"),
  SHOP_WEBHOOK_SECRET: devOnlyDefault(
    z.string({ error: "is required: the secret shared with the shop to sign webhooks (at least 32 characters)" }).min(32, "must be at least 32 characters"),
    "development-only-shop-webhook-secret-0123456789",
  ),
  // Signs the tokens in invitation, preference and unsubscribe links: `kid:secret,…`, first signs.
  TOKEN_SIGNING_KEYS: devOnlyDefault(tokenSigningKeysSchema, "dev:development-only-token-signing-key-0123456789"),
  // The retailer that runs the community, named in the footer and the home page introduction.
  SHOP_NAME: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(80).default("Octet Hardware")),
  // Moderation: OPEN flags that hide a post until a moderator reviews it, and how many of a new
  // member's first posts wait for review before anyone sees them (0 = no pre-moderation).
  MODERATION_FLAG_THRESHOLD: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(100).default(3)),
  MODERATION_PREMODERATED_POSTS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(100).default(0)),
  // The port `next start`/`next dev` listens on (Next sets it): the page cache renders a miss by
  // asking this same process over loopback.
  PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  // How long an anonymous public page may be served from the in-process cache (0 turns it off).
  // Writes invalidate at once (LISTEN/NOTIFY); this bounds what no event announces (e.g. votes).
  PAGE_CACHE_TTL_SECONDS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(3600).default(30)),
  PAGE_CACHE_MAX_MEGABYTES: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(4096).default(64)),
  // Where rate-limit buckets live: this process's memory (one instance) or Postgres (shared by
  // every instance, needed as soon as there are several).
  RATE_LIMIT_STORE: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["memory", "postgres"]).default("memory")),
  // DKIM signing of outgoing mail (all three or none): the signing domain, the selector published
  // in DNS (<selector>._domainkey.<domain>) and the PEM private key (literal "\n" allowed).
  DKIM_DOMAIN: optionalText,
  DKIM_SELECTOR: optionalText,
  DKIM_PRIVATE_KEY: z.preprocess(
    (v) => (v === "" ? undefined : typeof v === "string" ? v.replace(/\\n/g, "\n") : v),
    z.string().regex(/-----BEGIN (RSA )?PRIVATE KEY-----/, "must be a PEM private key").optional(),
  ),
}).superRefine((value, context) => {
  const set = [value.DKIM_DOMAIN, value.DKIM_SELECTOR, value.DKIM_PRIVATE_KEY].filter((v) => v !== undefined).length;
  if (set !== 0 && set !== 3) {
    context.addIssue({ code: "custom", path: ["DKIM_PRIVATE_KEY"], message: "DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY must be set together (or none of them)" });
  }
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`);
    this.name = "InvalidEnvironmentError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"} ${issue.message}`),
    );
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
