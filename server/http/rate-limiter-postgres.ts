import "server-only";
import { db } from "@/server/db/client";
import { assertCost, secondsUntilRefilled, type RateLimiter, type TokenBucketPolicy } from "./rate-limiter";

/** Runs one parameterized statement and returns its rows (Prisma by default; a pg Pool in tests). */
export type SqlRunner = <Row>(text: string, values: unknown[]) => Promise<Row[]>;

export type PostgresRateLimiterOptions = TokenBucketPolicy & {
  /** Prefixes every key, so policies share the table without sharing buckets. */
  name: string;
  sql?: SqlRunner;
  /** Chance that a take also deletes a batch of full buckets (see deleteFullBuckets). */
  cleanupProbability?: number;
  random?: () => number;
};

const prismaRunner: SqlRunner = <Row>(text: string, values: unknown[]) => db().$queryRawUnsafe<Row[]>(text, ...values);

// One statement decides: the row lock taken by ON CONFLICT DO UPDATE serializes concurrent takes
// on a key, and each sees the row the previous one committed, so no read-modify-write race.
// Time is the database's now() (one clock for every instance); greatest() keeps it monotonic
// when a transaction that started earlier commits later. A refusal stores the refilled level
// without taking, so the bucket row always describes "tokens at updatedAt". RETURNING only sees
// the new row, hence the "allowed" column.
//   $1 key, $2 capacity, $3 refill per second, $4 cost
const TAKE_SQL = `
INSERT INTO "RateLimitBucket" AS b ("key", "tokens", "allowed", "updatedAt", "fullAt")
VALUES ($1, $2::float8 - $4::float8, true, now(), now() + make_interval(secs => $4::float8 / $3::float8))
ON CONFLICT ("key") DO UPDATE SET ("tokens", "allowed", "updatedAt", "fullAt") = (
  SELECT r.left_over, r.allowed, r.at, r.at + make_interval(secs => ($2::float8 - r.left_over) / $3::float8)
  FROM (
    SELECT a.at, a.available >= $4::float8 AS allowed,
           CASE WHEN a.available >= $4::float8 THEN a.available - $4::float8 ELSE a.available END AS left_over
    FROM (
      SELECT greatest(b."updatedAt", now()) AS at,
             least($2::float8, b."tokens" + greatest(0, extract(epoch FROM now() - b."updatedAt")::float8) * $3::float8) AS available
    ) a
  ) r
)
RETURNING "tokens", "allowed"`;

/**
 * A token bucket per key in the RateLimitBucket table, shared by every instance on the database
 * (RATE_LIMIT_STORE=postgres). One round trip per take.
 */
export function createPostgresRateLimiter({ name, capacity, refillPerSecond, sql = prismaRunner, cleanupProbability = 0.01, random = Math.random }: PostgresRateLimiterOptions): RateLimiter {
  return {
    async take(key, cost = 1) {
      assertCost(cost, capacity);
      const [row] = await sql<{ tokens: number; allowed: boolean }>(TAKE_SQL, [`${name}:${key}`, capacity, refillPerSecond, cost]);
      if (random() < cleanupProbability) {
        // Not awaited: housekeeping must not slow or fail the request it rides on.
        deleteFullBuckets(sql).catch((error: unknown) => console.error("Rate limit cleanup failed", error));
      }
      if (!row) throw new Error("Rate limit upsert returned no row");
      if (row.allowed) return { allowed: true };
      return { allowed: false, retryAfterSeconds: secondsUntilRefilled(cost - Number(row.tokens), refillPerSecond) };
    },
  };
}

/**
 * Deletes up to `batch` buckets that are full again: such a row means the same as no row (the
 * next take inserts a full bucket), so this never changes a decision, even racing a take. A
 * small batch on an index keeps each run short; frequent takes keep the table small.
 */
export async function deleteFullBuckets(sql: SqlRunner = prismaRunner, batch = 500): Promise<number> {
  const rows = await sql<{ key: string }>(
    `DELETE FROM "RateLimitBucket" WHERE "key" IN (SELECT "key" FROM "RateLimitBucket" WHERE "fullAt" < now() LIMIT $1::int) RETURNING "key"`,
    [batch],
  );
  return rows.length;
}
