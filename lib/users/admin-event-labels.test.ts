// The administration log (Accounts page) names each action in the reader's language; an action without a name
// shows as "Other change". Every action the code logs has its name in both languages.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";

const logged = () => {
  const source = execFileSync(
    "git",
    ["grep", "-hoE", String.raw`logAdminEvent\([^,]+, *"[a-z_.]+"|action: "[a-z]+\.[a-z_.]+"`, "--", "lib", "app"],
    {
      encoding: "utf8",
    },
  );
  return [...new Set([...source.matchAll(/"([a-z_.]+)"/g)].map((m) => m[1]))];
};

describe("the administration log's action names", () => {
  it("cover every action the code logs, in English and French", () => {
    const actions = logged();
    expect(actions).toContain("tracker.remind");
    for (const action of actions) {
      const key = action.replace(/\./g, "_");
      expect(en.auditActions, action).toHaveProperty(key);
      expect(fr.auditActions, action).toHaveProperty(key);
    }
  });
});
