import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, staff } from "@/test/db-fixtures";
import { listConsultationsFor, LIST_LIMIT } from "./list-consultations";
import { listPublicConsultations } from "./public-consultation";

describe("the list of consultations", () => {
  it("keeps open ones first however many have closed or are hidden drafts: the limit never hides an open consultation", async () => {
    // Closing sooner than the other open consultations the integration run makes (an hour), so only the
    // closed ones and the drafts below could push it out of the list, never the run's other tests.
    const open = await createConsultation({ closesAt: new Date(Date.now() + 5 * 60_000) });
    // More closed consultations than the list holds, all closing before the open one, and hidden drafts.
    const closedAt = (i: number) => new Date(Date.now() - (i + 1) * 60_000);
    for (let i = 0; i <= LIST_LIMIT; i++)
      await createConsultation({ opensAt: new Date(Date.now() - 86_400_000), closesAt: closedAt(i) });
    for (let i = 0; i < 3; i++) await createConsultation({ draft: true, closesAt: new Date(Date.now() + 86_400_000) });

    const before = Date.now();
    const listed = await listPublicConsultations();
    expect(listed.length).toBeLessThanOrEqual(LIST_LIMIT);
    expect(listed.map((c) => c.id)).toContain(open.id);
    expect(listed.every((c) => c.publishedAt !== null)).toBe(true);
    // Open (and upcoming) first, closing soonest first; then the closed ones, the most recently closed first.
    // Other tests make consultations that close within seconds, so "now" is only known to lie between
    // before and after: the split is where the order turns from rising to falling, not a clock reading.
    const closes = listed.map((c) => c.closesAt.getTime());
    const turn = closes.findIndex((t, i) => i > 0 && t < closes[i - 1]);
    const split = turn === -1 ? closes.length : turn;
    const openPart = closes.slice(0, split);
    const closedPart = closes.slice(split);
    expect(openPart).toEqual([...openPart].sort((a, b) => a - b));
    expect(openPart.every((t) => t > before)).toBe(true);
    expect(closedPart).toEqual([...closedPart].sort((a, b) => b - a));
    expect(closedPart.every((t) => t <= Date.now())).toBe(true);
    expect(listed.slice(0, split).map((c) => c.id)).toContain(open.id);

    const moderator = await staff("moderator");
    expect((await listConsultationsFor(moderator)).map((c) => c.id)).toContain(open.id);
    const hidden = await db.consultation.findMany({ where: { publishedAt: null }, select: { id: true } });
    expect((await listConsultationsFor(moderator)).some((c) => hidden.some((h) => h.id === c.id))).toBe(false);
  });
});
