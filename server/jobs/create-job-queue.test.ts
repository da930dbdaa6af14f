import { randomBytes } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "@/scripts/database/ensure-database";
import { createJobQueue } from "./create-job-queue";
import { QUEUE_OPTIONS } from "./queue-names";

const url = databaseUrlFor(process.env.ENTRAIDE_TEST_SERVER_URL ?? process.env.DATABASE_URL!, `entraide_queues_${randomBytes(4).toString("hex")}`);
const started: PgBoss[] = [];

afterAll(async () => {
  await Promise.all(started.map((boss) => boss.stop({ graceful: false, wait: true, timeout: 2_000 })));
  await dropDatabase(url);
});

describe("createJobQueue", () => {
  it("starts on a new database from several processes at once (web instances and workers starting together)", async () => {
    await ensureDatabase(url);
    // Each round on a fresh pgboss schema: creating the same queues' partitions at the same
    // moment is what deadlocked.
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(started.splice(0).map((boss) => boss.stop({ graceful: false, wait: true, timeout: 2_000 })));
      const { Client } = await import("pg");
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
      await client.end();
      const results = await Promise.allSettled(
        (["worker", "worker", "sender", "sender"] as const).map((role) => createJobQueue({ connectionString: url, role })),
      );
      for (const result of results) if (result.status === "fulfilled") started.push(result.value);
      expect(results.filter((result) => result.status === "rejected").map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
      const queues = await started[0]!.getQueues();
      expect(queues.map((queue) => queue.name).filter((name) => !name.startsWith("__pgboss")).sort()).toEqual(Object.keys(QUEUE_OPTIONS).sort());
    }
  });
});
