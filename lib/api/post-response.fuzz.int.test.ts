// Property-based fuzzing of the JSON API: 10,000 generated bodies, from raw
// JSON junk to near-valid responses with wrong pieces. None may get a 5xx;
// whatever is stored must be what the schema accepts, and nothing else: an
// idempotency key under 16 characters (or outside [A-Za-z0-9_-]) never is.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, uniqueSlug } from "@/test/db-fixtures";
import { IDEMPOTENCY_KEY, ZResponseInput } from "@/lib/responses/schema";
import { postResponse } from "./post-response";

const RUNS = 10_000;

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "<b>x</b>", "=cmd|'/C calc'!A0", "x".repeat(6000)),
);
const rating = fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double(), text, fc.constant(null));
// Keys of the right alphabet on both sides of the 16-character minimum and the 64-character maximum.
const KEY_CHARS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"];
const keyLike = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...KEY_CHARS), minLength, maxLength });
const aspect = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.option(fc.record(fields, { requiredKeys: [] }), { nil: undefined });
const near = fc.record(
  {
    idempotencyKey: fc.oneof(
      fc.constant(undefined),
      fc.string({ minLength: 0, maxLength: 70 }),
      fc.uuid(),
      keyLike(0, 70),
      keyLike(12, 20),
      keyLike(60, 68),
    ),
    feedback: fc.oneof(
      fc.array(
        fc.record(
          {
            clause: fc.constantFrom("1", "1.1", "2", "", "preamble", "../x"),
            clarity: aspect({ rating, comment: text }),
            language: aspect({ term: text, proposedWording: text, reason: text }),
            feasibility: aspect({ rating, countryContext: text, comment: text }),
          },
          { requiredKeys: ["clause"] },
        ),
        { maxLength: 4 },
      ),
      fc.anything(),
    ),
    generalComment: fc.option(text, { nil: undefined }),
    respondent: fc.oneof(
      fc.record(
        {
          type: fc.constantFrom(
            "individual",
            "organisation",
            "group",
            "local_government",
            "national_government",
            "robot",
          ),
          country: fc.constantFrom("FR", "CA", "XX", "fr", ""),
          organisationName: fc.option(text, { nil: undefined }),
          name: fc.option(text, { nil: undefined }),
          publicSector: fc.oneof(fc.boolean(), text),
          email: fc.option(fc.oneof(fc.emailAddress(), text), { nil: undefined }),
          publication: fc.constantFrom("none", "anonymous", "named", "everywhere"),
          privacyConsent: fc.oneof(fc.constant(true), fc.constant(false), text),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

// Mostly right, so the storing path is exercised too: the text fields stay wild.
const valid = fc.record(
  {
    idempotencyKey: fc.option(keyLike(12, 24), { nil: undefined }),
    feedback: fc.array(
      fc.record({
        clause: fc.constantFrom("1", "1.1"),
        clarity: fc.record({ rating: fc.integer({ min: 1, max: 5 }), comment: text }, { requiredKeys: ["rating"] }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    generalComment: fc.option(text, { nil: undefined }),
    respondent: fc.record(
      {
        type: fc.constant("individual"),
        country: fc.constantFrom("FR", "CA"),
        publicSector: fc.boolean(),
        name: fc.option(text, { nil: undefined }),
        email: fc.option(fc.emailAddress(), { nil: undefined }),
        publication: fc.constantFrom("none", "anonymous"),
        privacyConsent: fc.constant(true),
      },
      { requiredKeys: ["type", "country", "publicSector", "publication", "privacyConsent"] },
    ),
  },
  { requiredKeys: ["feedback", "respondent"] },
);

describe("fuzzing POST /api/consultations/{slug}/responses", () => {
  it(`answers ${RUNS.toLocaleString("en")} generated bodies without a 5xx, and stores only what the schema accepts`, async () => {
    const c = await createConsultation();
    const outcomes = new Map<number, number>();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: near, weight: 4 },
          { arbitrary: valid, weight: 3 },
          { arbitrary: fc.jsonValue(), weight: 1 },
        ),
        async (body) => {
          const request = new Request("http://localhost/api", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body) ?? "null",
          });
          const res = await postResponse(request, c.slug, uniqueSlug("fuzz"));
          outcomes.set(res.status, (outcomes.get(res.status) ?? 0) + 1);
          expect(res.status).toBeLessThan(500);
          if (res.status === 201) {
            accepted += 1;
            expect(ZResponseInput.safeParse(body).success).toBe(true);
          }
          const key =
            body && typeof body === "object" && !Array.isArray(body)
              ? (body as { idempotencyKey?: unknown }).idempotencyKey
              : undefined;
          if (key !== undefined && !(typeof key === "string" && IDEMPOTENCY_KEY.test(key)))
            expect(res.status).toBe(400);
        },
      ),
      { numRuns: RUNS },
    );
    // What is stored is exactly what was accepted.
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(accepted);
    const stored = await db.response.findMany({
      where: { consultationId: c.id },
      select: { idempotencyKey: true, requestHash: true },
    });
    expect(
      stored.filter((r) => !IDEMPOTENCY_KEY.test(r.idempotencyKey) || !/^[0-9a-f]{64}$/.test(r.requestHash ?? "")),
    ).toEqual([]);
    console.log(
      `[fuzz] ${RUNS} bodies: ${[...outcomes]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(", ")}`,
    );
    // The storing path was exercised too (about 8 % of the bodies are accepted).
    expect(accepted).toBeGreaterThan(RUNS / 40);
  }, 600_000);
});
