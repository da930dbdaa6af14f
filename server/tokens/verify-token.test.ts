import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/server/env";
import { signToken } from "./sign-token";
import { verifyToken } from "./verify-token";
import { tokenSigningKeysSchema, type TokenSigningKey } from "./token-signing-keys-schema";

const oldKey: TokenSigningKey = { kid: "k1", secret: "first-secret-first-secret-first-secret-0001" };
const newKey: TokenSigningKey = { kid: "k2", secret: "second-secret-second-secret-second-secret-02" };
const PAYLOAD = "Qk3xv2cT1pRr0b7aWw9mZg";

/** Replaces one character of the token's n-th dot-separated part. */
function alterPart(token: string, index: number): string {
  const parts = token.split(".");
  const part = parts[index]!;
  const position = Math.floor(part.length / 2);
  parts[index] = part.slice(0, position) + (part[position] === "A" ? "B" : "A") + part.slice(position + 1);
  return parts.join(".");
}

describe("signToken / verifyToken", () => {
  it("round-trips a payload and has the documented shape", () => {
    const token = signToken("invitation", PAYLOAD, [oldKey]);
    expect(token).toMatch(/^k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(token.split(".")[1]).toBe(Buffer.from(PAYLOAD).toString("base64url"));
    expect(verifyToken("invitation", token, [oldKey])).toBe(PAYLOAD);
  });

  it("round-trips non-ASCII and empty payloads", () => {
    for (const payload of ["é—✓", ""]) {
      expect(verifyToken("preferences", signToken("preferences", payload, [oldKey]), [oldKey])).toBe(payload);
    }
  });

  it("is deterministic: the same payload and key give the same token", () => {
    expect(signToken("invitation", PAYLOAD, [oldKey])).toBe(signToken("invitation", PAYLOAD, [oldKey]));
  });

  it("refuses a tampered payload, MAC or key id", () => {
    const token = signToken("invitation", PAYLOAD, [oldKey, newKey]);
    expect(verifyToken("invitation", alterPart(token, 1), [oldKey, newKey])).toBeNull();
    expect(verifyToken("invitation", alterPart(token, 2), [oldKey, newKey])).toBeNull();
    // A valid MAC made with k1 re-labelled as k2 (both keys known) must not verify.
    expect(verifyToken("invitation", token.replace(/^k1\./, "k2."), [oldKey, newKey])).toBeNull();
    // Another payload under the original MAC.
    const [kid, , mac] = token.split(".");
    const swapped = `${kid}.${Buffer.from("another-id").toString("base64url")}.${mac}`;
    expect(verifyToken("invitation", swapped, [oldKey, newKey])).toBeNull();
  });

  it("refuses a token of another kind", () => {
    const token = signToken("invitation", PAYLOAD, [oldKey]);
    expect(verifyToken("unsubscribe", token, [oldKey])).toBeNull();
    expect(verifyToken("invitation ", token, [oldKey])).toBeNull();
  });

  it("refuses truncated, extended, non-canonical and malformed tokens the same way", () => {
    const token = signToken("invitation", PAYLOAD, [oldKey]);
    const malformed: unknown[] = [
      token.slice(0, -1),
      token.slice(0, token.lastIndexOf(".")),
      `${token}A`,
      `${token}.extra`,
      token.replaceAll(".", ""),
      `${token.slice(0, -1)}=`,
      token.replace(/^k1/, ""),
      "",
      "..",
      "k1..",
      "x".repeat(5000),
      undefined,
      null,
      42,
    ];
    for (const candidate of malformed) expect(verifyToken("invitation", candidate, [oldKey])).toBeNull();
  });

  it("keeps verifying tokens signed with an older key after rotation, and signs with the first key", () => {
    const beforeRotation = signToken("invitation", PAYLOAD, [oldKey]);
    const rotated = [newKey, oldKey];
    expect(verifyToken("invitation", beforeRotation, rotated)).toBe(PAYLOAD);
    const afterRotation = signToken("invitation", PAYLOAD, rotated);
    expect(afterRotation.startsWith("k2.")).toBe(true);
    expect(verifyToken("invitation", afterRotation, rotated)).toBe(PAYLOAD);
    // Once the old key is retired, its tokens stop working.
    expect(verifyToken("invitation", beforeRotation, [newKey])).toBeNull();
  });

  it("refuses a token whose key id is unknown", () => {
    const token = signToken("invitation", PAYLOAD, [{ kid: "gone", secret: oldKey.secret }]);
    expect(verifyToken("invitation", token, [oldKey, newKey])).toBeNull();
  });

  it("refuses a token signed with another secret under the same key id", () => {
    const token = signToken("invitation", PAYLOAD, [{ kid: "k1", secret: newKey.secret }]);
    expect(verifyToken("invitation", token, [oldKey])).toBeNull();
  });

  it("uses the configured keys by default", () => {
    expect(verifyToken("invitation", signToken("invitation", PAYLOAD))).toBe(PAYLOAD);
  });

  it("rejects kinds that could blur the signed text", () => {
    expect(() => signToken("Invitation", PAYLOAD, [oldKey])).toThrow();
    expect(() => signToken("a\0b", PAYLOAD, [oldKey])).toThrow();
  });
});

describe("TOKEN_SIGNING_KEYS", () => {
  it("parses kid:secret pairs in order, secrets may contain colons", () => {
    expect(tokenSigningKeysSchema.parse(` k2:${newKey.secret} , k1:${oldKey.secret}:x `)).toEqual([newKey, { kid: "k1", secret: `${oldKey.secret}:x` }]);
  });

  it("rejects short secrets, bad or duplicate key ids and an empty list", () => {
    for (const value of ["", " , ", "k1:short", `:${oldKey.secret}`, `k 1:${oldKey.secret}`, `${oldKey.secret}`, `k1:${oldKey.secret},k1:${newKey.secret}`]) {
      expect(tokenSigningKeysSchema.safeParse(value).success, value).toBe(false);
    }
  });

  const productionEnv = {
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://localhost/entraide",
    APP_URL: "https://community.example.com",
    NEXTAUTH_SECRET: "x".repeat(32),
    SMTP_URL: "smtp://localhost:25",
    SHOP_WEBHOOK_SECRET: "y".repeat(32),
  };

  it("has a development default and accepts a configured value", () => {
    expect(parseEnv({ ...productionEnv, NODE_ENV: "test" }).TOKEN_SIGNING_KEYS).toHaveLength(1);
    expect(parseEnv({ ...productionEnv, NODE_ENV: "test", TOKEN_SIGNING_KEYS: `k2:${newKey.secret}` }).TOKEN_SIGNING_KEYS).toEqual([newKey]);
  });

  it("is required in production", async () => {
    // server/env.ts decides production-ness when it loads: load a fresh copy as production.
    vi.stubEnv("NODE_ENV", "production");
    vi.resetModules();
    try {
      const productionModule = await import("@/server/env");
      expect(() => productionModule.parseEnv(productionEnv)).toThrow(/TOKEN_SIGNING_KEYS/);
      expect(productionModule.parseEnv({ ...productionEnv, TOKEN_SIGNING_KEYS: `k1:${oldKey.secret}` }).TOKEN_SIGNING_KEYS).toEqual([oldKey]);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
