import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { hashPassword } from "@/lib/users/password";
import { staff, uniqueSlug } from "@/test/db-fixtures";
import { createInvitation } from "./create-invitation";
import { acceptInvitation } from "./accept-invitation";
import { ZInvitation } from "./schema";

// No SMTP here: createInvitation returns the link (and logs a line we do not need to see).
beforeAll(() => {
  delete process.env.SMTP_URL;
  vi.spyOn(console, "log").mockImplementation(() => {});
});

const password = "a long enough password";
// A client address no other test (or earlier run against the same database) has used: the
// limiters' counters live in PostgreSQL, so two tests drawing the same address would share them.
const randomIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${uniqueSlug("ip")}`;
const invite = async () => {
  const admin = await staff("admin");
  const r = await createInvitation(
    admin,
    ZInvitation.parse({ email: `${uniqueSlug("acc")}@example.org`, name: "Invited", role: "admin" }),
    "en",
  );
  if (!r.ok) throw new Error("no invitation");
  return r.link.split("/invitation/")[1];
};
/** A password hasher that records its calls (the real one, so what is stored still verifies). */
const countingHasher = () => {
  const hash = vi.fn((pw: string) => hashPassword(pw));
  return hash;
};

describe("acceptInvitation", () => {
  it("looks the token up before hashing: an unknown, used or expired token never runs argon2id; a valid one does, once", async () => {
    const hash = countingHasher();
    const clientIp = randomIp();
    expect(await acceptInvitation("A".repeat(43), { name: "X", password }, { hash, clientIp })).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(hash).not.toHaveBeenCalled();

    const used = await invite();
    expect(await acceptInvitation(used, { name: "First", password }, { hash, clientIp })).toMatchObject({ ok: true });
    expect(hash).toHaveBeenCalledTimes(1);
    expect(await acceptInvitation(used, { name: "Second", password }, { hash, clientIp })).toEqual({
      ok: false,
      reason: "used",
    });
    expect(hash).toHaveBeenCalledTimes(1);

    const expired = await invite();
    setNow(new Date(Date.now() + 8 * 86_400_000));
    try {
      expect(await acceptInvitation(expired, { name: "Late", password }, { hash, clientIp })).toEqual({
        ok: false,
        reason: "expired",
      });
    } finally {
      setNow(null);
    }
    expect(hash).toHaveBeenCalledTimes(1);
    // What was stored is the hasher's output.
    const user = await db.appUser.findFirstOrThrow({ where: { name: "First" }, orderBy: { createdAt: "desc" } });
    expect(user.passwordHash).toBe(await hash.mock.results[0].value);
  });

  it("refuses the 11th attempt in 15 minutes from one client address (INVITATION_RATE_LIMIT_PER_ADDRESS, 10), without looking or hashing; other addresses go on", async () => {
    const hash = countingHasher();
    const clientIp = randomIp();
    for (let i = 0; i < 10; i++) {
      expect(
        await acceptInvitation(
          `${"B".repeat(40)}${String(i).padStart(3, "0")}`,
          { name: "X", password },
          { hash, clientIp },
        ),
      ).toEqual({ ok: false, reason: "unknown" });
    }
    const token = await invite();
    const refused = await acceptInvitation(token, { name: "Eleventh", password }, { hash, clientIp });
    expect(refused).toMatchObject({ ok: false, reason: "rateLimited" });
    if (refused.ok || refused.reason !== "rateLimited") throw new Error("not limited");
    expect(refused.retryAfterSeconds).toBeGreaterThan(60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(hash).not.toHaveBeenCalled();
    // The invitation is still there for its owner, from another address.
    expect(
      await acceptInvitation(
        token,
        { name: "Owner", password },
        { hash, clientIp: randomIp().replace("198.51.100", "203.0.113") },
      ),
    ).toMatchObject({ ok: true });
  });
});
