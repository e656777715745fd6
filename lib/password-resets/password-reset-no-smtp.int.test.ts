import { afterEach, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { staff, uniqueSlug } from "@/test/db-fixtures";
import { requestPasswordReset } from "./request-password-reset";
import { findPasswordReset } from "./reset-password";
import { sendPasswordReset } from "./send-password-reset";

afterEach(() => vi.restoreAllMocks());

it("without SMTP, an admin's reset returns the link to show once (never logged), and the forgot form queues nothing", async () => {
  delete process.env.SMTP_URL;
  const out: string[] = [];
  for (const m of ["log", "info", "warn", "error"] as const)
    vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(" ")));
  const admin = await staff("admin");
  const user = await staff("moderator");
  const sent = await sendPasswordReset(admin.id, user.id, "fr");
  expect(sent).toMatchObject({
    ok: true,
    emailed: false,
    link: expect.stringMatching(/\/fr\/reset\/[A-Za-z0-9_-]{43}$/),
  });
  const token = sent.ok && !sent.emailed ? sent.link.split("/reset/")[1] : "?";
  expect(await findPasswordReset(token)).toEqual({ ok: true, email: user.email });
  expect(out.join("\n")).not.toContain(token);
  const event = await db.adminEvent.findFirstOrThrow({ where: { actorId: admin.id, action: "account.reset_sent" } });
  expect(JSON.stringify(event)).not.toContain(token);

  const email = `${uniqueSlug("nosmtp")}@example.org`;
  expect(await requestPasswordReset(user.email, "en", { clientIp: "192.0.2.77" })).toEqual({ ok: true });
  expect(await requestPasswordReset(email, "en", { clientIp: "192.0.2.77" })).toEqual({ ok: true });
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'request-password-reset' AND j.payload->>'email' IN (${user.email}, ${email})`;
  expect(n).toBe(0);
});
