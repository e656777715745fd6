import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { ZAcceptInvitation } from "./schema";

describe("ZAcceptInvitation", () => {
  it("answers every bad input with a key of the invitations messages, never an English sentence", () => {
    const keys = Object.keys(en.invitations);
    for (const input of [
      { name: "", password: "short", confirm: "short" },
      { name: "Ivy", password: "x".repeat(1001), confirm: "x".repeat(1001) },
      { name: "Ivy", password: "correct horse battery", confirm: "correct horse battery!" },
    ]) {
      const r = ZAcceptInvitation.safeParse(input);
      expect(r.success).toBe(false);
      for (const issue of r.error!.issues) expect(keys, JSON.stringify(issue)).toContain(issue.message);
    }
    expect(
      ZAcceptInvitation.safeParse({ name: "Ivy", password: "short", confirm: "short" }).error!.issues[0].message,
    ).toBe("passwordTooShort");
  });
});
