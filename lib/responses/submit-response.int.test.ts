import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { createConsultation, respondent } from "@/test/db-fixtures";
import { ZResponseInput } from "./schema";
import { submitResponse } from "./submit-response";
import { getReceipt } from "./get-receipt";

const meta = { locale: "en" as const, channel: "web" as const };
const parse = (v: unknown) => ZResponseInput.parse(v);

afterEach(() => setNow(null));

describe("submitResponse against PostgreSQL", () => {
  it("stores the response and every feedback item, and the receipt shows exactly that", async () => {
    const c = await createConsultation();
    const input = parse({
      feedback: [
        {
          clause: "1.1",
          clarity: { rating: 2, comment: "Who acts?" },
          language: { term: "weak signals", proposedWording: "early signs", reason: "Jargon" },
          feasibility: { rating: 4, countryContext: "Federal", comment: "Doable" },
        },
        { clause: "1", clarity: { rating: 5 } },
      ],
      generalComment: "  Good draft.  ",
      respondent: {
        ...respondent,
        type: "organisation",
        organisationName: "City of Lyon",
        email: "a@example.org",
        publication: "named",
      },
    });
    const r = await submitResponse(c.slug, input, meta);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.reference).toMatch(/^TEST-\d{4}-\d{6,}$/);
    expect(r.replayed).toBe(false);

    const stored = await db.response.findUniqueOrThrow({
      where: { reference: r.reference },
      include: { feedbackItems: { orderBy: { position: "asc" }, include: { clause: true } } },
    });
    expect(stored).toMatchObject({
      country: "FR",
      organisationName: "City of Lyon",
      email: "a@example.org",
      publication: "named",
      respondentType: "organisation",
      channel: "web",
      locale: "en",
    });
    expect(stored.feedbackItems.map((i) => [i.clause?.key ?? null, i.aspect, i.rating])).toEqual([
      ["1.1", "clarity", 2],
      ["1.1", "language", null],
      ["1.1", "feasibility", 4],
      ["1", "clarity", 5],
      [null, "general", null],
    ]);
    expect(stored.feedbackItems[1]).toMatchObject({
      term: "weak signals",
      proposedWording: "early signs",
      comment: "Jargon",
    });
    expect(stored.feedbackItems[2]).toMatchObject({ countryContext: "Federal", comment: "Doable" });
    expect(stored.feedbackItems[4].comment).toBe("Good draft.");

    const receipt = await getReceipt(c.slug, r.reference, r.receiptKey);
    expect(receipt?.feedbackItems).toHaveLength(5);
    expect(await getReceipt(c.slug, r.reference, "x".repeat(32))).toBeNull();
    expect(await getReceipt("another-slug", r.reference, r.receiptKey)).toBeNull();
  });

  it("never stores a response twice for one idempotency key, even under concurrent retries", async () => {
    const c = await createConsultation();
    const input = parse({ idempotencyKey: "retry-key-123456", generalComment: "Once", respondent });
    const results = await Promise.all(Array.from({ length: 12 }, () => submitResponse(c.slug, input, meta)));
    const refs = new Set(results.map((r) => (r.ok ? r.reference : r.reason)));
    expect(refs.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(1);
    expect(await db.feedbackItem.count({ where: { response: { consultationId: c.id } } })).toBe(1);
  });

  it("refuses after the deadline by the server's clock, and before the opening", async () => {
    const closesAt = new Date(Date.now() + 60_000);
    const c = await createConsultation({ closesAt });
    const input = parse({ generalComment: "Late", respondent });
    setNow(new Date(closesAt.getTime()));
    const late = await submitResponse(c.slug, input, meta);
    expect(late).toMatchObject({ ok: false, reason: "closed" });
    setNow(new Date(closesAt.getTime() - 1));
    expect((await submitResponse(c.slug, input, meta)).ok).toBe(true);

    const future = await createConsultation({
      opensAt: new Date(Date.now() + 86_400_000),
      closesAt: new Date(Date.now() + 2 * 86_400_000),
    });
    setNow(null);
    expect(await submitResponse(future.slug, input, meta)).toMatchObject({ ok: false, reason: "not_open" });
    expect(await db.response.count({ where: { consultationId: future.id } })).toBe(0);
  });

  it("lets the database decide at the instant of writing, even when its cached copy says open", async () => {
    const c = await createConsultation();
    const input = parse({ generalComment: "Raced the deadline", respondent });
    expect((await submitResponse(c.slug, input, meta)).ok).toBe(true); // caches the consultation as open
    await db.consultation.update({
      where: { id: c.id },
      data: { closesAt: new Date(Date.now() - 1000), opensAt: new Date(Date.now() - 7_200_000) },
    });
    expect(await submitResponse(c.slug, input, meta)).toMatchObject({ ok: false, reason: "closed" });
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(1);
  });

  it("refuses clauses that are not in this draft, and unknown consultations", async () => {
    const c = await createConsultation();
    const input = parse({ feedback: [{ clause: "9.9", clarity: { rating: 3 } }], respondent });
    expect(await submitResponse(c.slug, input, meta)).toEqual({
      ok: false,
      reason: "invalid",
      issues: [{ path: ["feedback", 0, "clause"], key: "unknownClause" }],
    });
    expect(await submitResponse("no-such-consultation", input, meta)).toEqual({ ok: false, reason: "not_found" });
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("numbers references in sequence, in the consultation's year", async () => {
    const c = await createConsultation();
    const a = await submitResponse(c.slug, parse({ generalComment: "a", respondent }), meta);
    const b = await submitResponse(c.slug, parse({ generalComment: "b", respondent }), meta);
    if (!a.ok || !b.ok) throw new Error("expected both stored");
    const n = (ref: string) => Number(ref.split("-")[2]);
    expect(n(b.reference)).toBeGreaterThan(n(a.reference));
    const year = new Intl.DateTimeFormat("en", { timeZone: "Europe/Paris", year: "numeric" }).format(new Date());
    expect(a.reference.split("-")[1]).toBe(year);
  });
});

describe("constraints in the database itself", () => {
  it("refuses rows the application would never write", async () => {
    const c = await createConsultation();
    const r = await submitResponse(c.slug, parse({ generalComment: "base", respondent }), meta);
    if (!r.ok) throw new Error("expected stored");
    const response = await db.response.findUniqueOrThrow({ where: { reference: r.reference } });
    const clause = await db.clause.findFirstOrThrow({ where: { consultationId: c.id, key: "1.1" } });
    const item = (data: Record<string, unknown>) =>
      db.feedbackItem.create({
        data: {
          responseId: response.id,
          position: 10 + Math.floor(Math.random() * 1e6),
          aspect: "clarity",
          clauseId: clause.id,
          ...data,
        },
      });
    await expect(item({ rating: 6 })).rejects.toThrow();
    await expect(item({ rating: 0 })).rejects.toThrow();
    await expect(item({ aspect: "language", comment: "no term" })).rejects.toThrow();
    await expect(item({ aspect: "general", comment: "general on a clause" })).rejects.toThrow();
    await expect(item({ aspect: "clarity" })).rejects.toThrow(); // empty
    await expect(item({ comment: "x".repeat(5001) })).rejects.toThrow();
    await expect(item({ rating: 3, clauseId: "00000000-0000-0000-0000-000000000000" })).rejects.toThrow();
    await expect(item({ rating: 3, position: 0 })).rejects.toThrow(); // (response, position) is unique
    await expect(
      db.response.update({
        where: { id: response.id },
        data: { respondentType: "organisation", organisationName: null },
      }),
    ).rejects.toThrow();
    await expect(db.response.update({ where: { id: response.id }, data: { country: "fr" } })).rejects.toThrow();
    await expect(
      db.response.update({ where: { id: response.id }, data: { idempotencyKey: "short" } }),
    ).rejects.toThrow();
    await expect(db.consultation.update({ where: { id: c.id }, data: { closesAt: new Date(0) } })).rejects.toThrow();
    expect(await db.feedbackItem.count({ where: { responseId: response.id } })).toBe(1);
  });
});
