import { afterEach, describe, it, expect, vi } from "vitest";

const SECRET_A = "a".repeat(16) + "-secret-for-tests-0001";
const SECRET_B = "b".repeat(16) + "-secret-for-tests-0002";

async function loadWithSecret(secret: string | undefined) {
  vi.stubEnv("AUTH_SECRET", secret);
  vi.resetModules();
  return import("./receipt-key");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("receiptKey", () => {
  it("is a 32-character base64url string", async () => {
    const { receiptKey } = await loadWithSecret(SECRET_A);
    expect(receiptKey("R-000001")).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("is the same for the same reference and secret", async () => {
    const first = (await loadWithSecret(SECRET_A)).receiptKey("R-000001");
    const { receiptKey } = await loadWithSecret(SECRET_A);
    expect(receiptKey("R-000001")).toBe(first);
    expect(receiptKey("R-000001")).toBe(receiptKey("R-000001"));
  });

  it("differs between references, even sequential ones", async () => {
    const { receiptKey } = await loadWithSecret(SECRET_A);
    const keys = ["R-000001", "R-000002", "R-000003", "r-000001", ""].map(receiptKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("differs between secrets", async () => {
    const a = (await loadWithSecret(SECRET_A)).receiptKey("R-000001");
    const b = (await loadWithSecret(SECRET_B)).receiptKey("R-000001");
    expect(a).not.toBe(b);
  });

  it("needs AUTH_SECRET", async () => {
    const { receiptKey } = await loadWithSecret(undefined);
    expect(() => receiptKey("R-000001")).toThrow(/AUTH_SECRET/);
  });

  it("refuses an AUTH_SECRET shorter than 32 characters", async () => {
    const { receiptKey } = await loadWithSecret("x".repeat(31));
    expect(() => receiptKey("R-000001")).toThrow(/AUTH_SECRET/);
  });
});

describe("isReceiptKey", () => {
  it("accepts the right key", async () => {
    const { receiptKey, isReceiptKey } = await loadWithSecret(SECRET_A);
    expect(isReceiptKey("R-000042", receiptKey("R-000042"))).toBe(true);
  });

  it("refuses another reference's key", async () => {
    const { receiptKey, isReceiptKey } = await loadWithSecret(SECRET_A);
    expect(isReceiptKey("R-000042", receiptKey("R-000043"))).toBe(false);
  });

  it("refuses a key made with another secret", async () => {
    const other = (await loadWithSecret(SECRET_B)).receiptKey("R-000042");
    const { isReceiptKey } = await loadWithSecret(SECRET_A);
    expect(isReceiptKey("R-000042", other)).toBe(false);
  });

  it("refuses a key with one character changed", async () => {
    const { receiptKey, isReceiptKey } = await loadWithSecret(SECRET_A);
    const key = receiptKey("R-000042");
    const changed = (key[0] === "A" ? "B" : "A") + key.slice(1);
    expect(isReceiptKey("R-000042", changed)).toBe(false);
  });

  it("refuses a 32-character key of multi-byte characters without throwing", async () => {
    const { isReceiptKey } = await loadWithSecret(SECRET_A);
    expect(isReceiptKey("R-000042", "é".repeat(32))).toBe(false);
    expect(isReceiptKey("R-000042", "😀".repeat(16))).toBe(false);
  });

  it("refuses short, long and non-string keys without throwing", async () => {
    const { receiptKey, isReceiptKey } = await loadWithSecret(SECRET_A);
    const key = receiptKey("R-000042");
    for (const bad of [key.slice(0, 31), `${key}x`, "", undefined, null, 42, [key], { key }, Buffer.from(key)]) {
      expect(isReceiptKey("R-000042", bad)).toBe(false);
    }
  });
});
