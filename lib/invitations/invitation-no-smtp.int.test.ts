import { afterEach, expect, it, vi } from "vitest";
import { staff, uniqueSlug } from "@/test/db-fixtures";
import { createInvitation } from "./create-invitation";
import { ZInvitation } from "./schema";

afterEach(() => vi.restoreAllMocks());

/** Everything written to the console or to stdout/stderr while `run` runs. */
async function captureOutput(run: () => Promise<unknown>): Promise<string> {
  const out: string[] = [];
  const keep = (...args: unknown[]) => void out.push(args.map(String).join(" "));
  for (const m of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, m).mockImplementation(keep);
  for (const s of [process.stdout, process.stderr]) {
    vi.spyOn(s, "write").mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  }
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return out.join("\n");
}

it("without SMTP, returns the link to the admin only: the log says an invitation was made and for which role, never the link or token", async () => {
  delete process.env.SMTP_URL;
  const admin = await staff("admin");
  const email = `${uniqueSlug("nosmtp")}@example.org`;
  let r: Awaited<ReturnType<typeof createInvitation>> | undefined;
  const logged = await captureOutput(async () => {
    r = await createInvitation(admin, ZInvitation.parse({ email, name: "No Mail", role: "admin" }), "en");
  });
  expect(r).toMatchObject({
    ok: true,
    emailed: false,
    link: expect.stringMatching(/\/en\/invitation\/[A-Za-z0-9_-]{43}$/),
  });
  const link = r?.ok ? r.link : "?";
  const token = link.split("/invitation/")[1];
  expect(logged).not.toContain(token);
  expect(logged).not.toContain("/invitation/");
  expect(logged).toMatch(/invitation/i);
  expect(logged).toContain("admin");
  expect(logged).toMatch(/not emailed/);
});
