import { describe, expect, it } from "vitest";
import { safeCallback, ZSignIn } from "./sign-in-form";

describe("safeCallback", () => {
  it("keeps paths on this site", () => {
    expect(safeCallback("/fr/moderate?c=dpsi", "/en/moderate")).toBe("/fr/moderate?c=dpsi");
  });
  it("refuses other sites and odd values", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      42,
      undefined,
      "/a b",
    ]) {
      expect(safeCallback(bad, "/en/moderate")).toBe("/en/moderate");
    }
  });
});

describe("ZSignIn", () => {
  it("asks for both fields", () => {
    const r = ZSignIn.safeParse({ email: " ", password: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(["emailRequired", "passwordRequired"]);
  });
});
