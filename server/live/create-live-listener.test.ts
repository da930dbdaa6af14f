import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { createLiveListener, type LiveListener } from "./create-live-listener";
import { publishLiveEvent } from "./publish-live-event";

const listeners: LiveListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
});

// Its own application_name, so counting connections is not disturbed by other test files.
const APPLICATION_NAME = `entraide-live-test-${randomBytes(4).toString("hex")}`;

function newListener() {
  const listener = createLiveListener({ connectionString: env().DATABASE_URL, initialBackoffMs: 50, applicationName: APPLICATION_NAME, log: () => {} });
  listeners.push(listener);
  return listener;
}

const uniqueChannel = () => `live_test_${randomBytes(4).toString("hex")}`;

/** A subscriber that records what it hears. */
function recorder() {
  const messages: string[] = [];
  let resyncs = 0;
  return {
    messages,
    resyncs: () => resyncs,
    subscriber: { onMessage: (payload: string) => void messages.push(payload), onResync: () => void resyncs++ },
  };
}

const publish = (channel: string, payload: Record<string, unknown>) => db().$transaction((tx) => publishLiveEvent(tx, channel, payload));

async function eventually(check: () => void, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Backends opened by this file's listeners. */
async function liveBackendPids(): Promise<number[]> {
  const rows = await db().$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE application_name = ${APPLICATION_NAME}`;
  return rows.map((row) => row.pid);
}

describe("createLiveListener", () => {
  it("delivers a committed event to every subscriber of its channel, and nothing of other channels", async () => {
    const listener = newListener();
    const [channel, other] = [uniqueChannel(), uniqueChannel()];
    const a = recorder();
    const b = recorder();
    const c = recorder();
    await listener.subscribe(channel, a.subscriber);
    await listener.subscribe(channel, b.subscriber);
    await listener.subscribe(other, c.subscriber);

    await publish(channel, { threadId: "t1", postId: "p1", kind: "reply" });

    await eventually(() => {
      expect(a.messages).toEqual(['{"threadId":"t1","postId":"p1","kind":"reply"}']);
      expect(b.messages).toEqual(a.messages);
    });
    await publish(other, { n: 2 });
    await eventually(() => expect(c.messages).toEqual(['{"n":2}']));
    expect(a.messages).toHaveLength(1);
    expect(listener.subscriberCount(channel)).toBe(2);
  });

  it("stops delivering to a subscriber that left; the others keep receiving; the last one leaving empties the channel", async () => {
    const listener = newListener();
    const channel = uniqueChannel();
    const a = recorder();
    const b = recorder();
    const leaveA = await listener.subscribe(channel, a.subscriber);
    const leaveB = await listener.subscribe(channel, b.subscriber);

    leaveA();
    leaveA(); // twice is harmless
    await publish(channel, { n: 1 });
    await eventually(() => expect(b.messages).toEqual(['{"n":1}']));
    expect(a.messages).toEqual([]);

    leaveB();
    expect(listener.subscriberCount()).toBe(0);
    // Subscribing again after the UNLISTEN works (LISTEN is queued after it on the same connection).
    const again = recorder();
    await listener.subscribe(channel, again.subscriber);
    await publish(channel, { n: 2 });
    await eventually(() => expect(again.messages).toEqual(['{"n":2}']));
    expect(b.messages).toEqual(['{"n":1}']);
  });

  it("delivers nothing for a transaction that rolls back, and only after commit for one that commits", async () => {
    const listener = newListener();
    const channel = uniqueChannel();
    const heard = recorder();
    await listener.subscribe(channel, heard.subscriber);

    await expect(
      db().$transaction(async (tx) => {
        await publishLiveEvent(tx, channel, { n: "rolled back" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");

    let heardBeforeCommit: number | null = null;
    await db().$transaction(async (tx) => {
      await publishLiveEvent(tx, channel, { n: "committed" });
      await new Promise((resolve) => setTimeout(resolve, 200));
      heardBeforeCommit = heard.messages.length;
    });
    await eventually(() => expect(heard.messages).toEqual(['{"n":"committed"}']));
    expect(heardBeforeCommit).toBe(0);
    // Give a stray rolled-back notification every chance to show up.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard.messages).toEqual(['{"n":"committed"}']);
  });

  it("reaches every instance: two listeners (two web processes) both hear a commit made through a third connection", async () => {
    const channel = uniqueChannel();
    const first = recorder();
    const second = recorder();
    await newListener().subscribe(channel, first.subscriber);
    await newListener().subscribe(channel, second.subscriber);
    await publish(channel, { n: 1 });
    await eventually(() => {
      expect(first.messages).toEqual(['{"n":1}']);
      expect(second.messages).toEqual(['{"n":1}']);
    });
  });

  it("uses one connection for all its channels", async () => {
    const before = (await liveBackendPids()).length;
    const listener = newListener();
    for (let i = 0; i < 5; i++) await listener.subscribe(uniqueChannel(), recorder().subscriber);
    expect((await liveBackendPids()).length).toBe(before + 1);
  });

  it("reconnects after the connection is killed, LISTENs again and tells subscribers to resync", async () => {
    const before = new Set(await liveBackendPids());
    const listener = newListener();
    const channel = uniqueChannel();
    const heard = recorder();
    await listener.subscribe(channel, heard.subscriber);
    const [pid] = (await liveBackendPids()).filter((id) => !before.has(id));
    expect(pid).toBeDefined();

    // Kill it from another connection, as a restart or a network failure would.
    const admin = new pg.Client({ connectionString: env().DATABASE_URL });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    } finally {
      await admin.end();
    }

    await eventually(() => expect(heard.resyncs()).toBe(1));
    await publish(channel, { after: "reconnect" });
    await eventually(() => expect(heard.messages).toEqual(['{"after":"reconnect"}']));
  });

  it("refuses channel names that are not plain identifiers, and payloads that are too big", async () => {
    const listener = newListener();
    await expect(listener.subscribe('bad"; DROP TABLE x; --', recorder().subscriber)).rejects.toThrow("Invalid live channel name");
    await expect(db().$transaction((tx) => publishLiveEvent(tx, "Upper", {}))).rejects.toThrow("Invalid live channel name");
    await expect(db().$transaction((tx) => publishLiveEvent(tx, uniqueChannel(), { body: "x".repeat(2_000) }))).rejects.toThrow("send ids, not content");
  });
});
