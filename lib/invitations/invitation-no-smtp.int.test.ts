import { afterEach, expect, it, vi } from "vitest";
import { staff, uniqueSlug } from "@/test/db-fixtures";
import { createInvitation } from "./create-invitation";
import { ZInvitation } from "./schema";

afterEach(() => vi.restoreAllMocks());

it("without SMTP, returns the link for the admin to pass on and writes it to the log", async () => {
  delete process.env.SMTP_URL;
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const admin = await staff("admin");
  const email = `${uniqueSlug("nosmtp")}@example.org`;
  const r = await createInvitation(admin, ZInvitation.parse({ email, name: "No Mail", role: "delegate", country: "IE", delegationRole: "approver" }), "en");
  expect(r).toMatchObject({ ok: true, emailed: false });
  const logged = log.mock.calls.map((c) => c.join(" ")).join("\n");
  expect(logged).toContain(r.ok ? r.link : "?");
  expect(logged).toContain(email);
});
