import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";
import { postResponse } from "./post-response";

const url = "http://localhost/api/consultations/x/responses";
const jsonRequest = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
const client = () => uniqueSlug("client");

describe("POST /api/consultations/{slug}/responses", () => {
  it("201 with the reference; a replay of the Idempotency-Key gives 200 and the same reference", async () => {
    const c = await createConsultation();
    const body = { feedback: [{ clause: "1.1", feasibility: { rating: 2, countryContext: "Island state" } }], respondent };
    const first = await postResponse(jsonRequest(body, { "idempotency-key": "api-key-000001" }), c.slug, client());
    expect(first.status).toBe(201);
    const ref = (first.body as { reference: string }).reference;
    expect(ref).toMatch(/^TEST-\d{4}-\d{6,}$/);
    expect((first.body as { receiptUrl: string }).receiptUrl).toMatch(new RegExp(`^/en/c/${c.slug}/receipt/${ref}\\?key=`));
    const again = await postResponse(jsonRequest(body, { "idempotency-key": "api-key-000001" }), c.slug, client());
    expect(again.status).toBe(200);
    expect((again.body as { reference: string }).reference).toBe(ref);
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(1);
    const stored = await db.response.findUniqueOrThrow({ where: { reference: ref } });
    expect(stored.channel).toBe("api");
  });

  it("400 with field errors, in French when asked", async () => {
    const c = await createConsultation();
    const res = await postResponse(
      jsonRequest({ feedback: [{ clause: "1.1", clarity: { rating: 9 } }], respondent: { ...respondent, country: "XX" } }, { "accept-language": "fr-FR,fr;q=0.9" }),
      c.slug,
      client(),
    );
    expect(res.status).toBe(400);
    const fields = (res.body as { error: { fields: { field: string; code: string; message: string }[] } }).error.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "feedback[0].clarity.rating", code: "ratingRange" }),
        expect.objectContaining({ field: "respondent.country", code: "countryRequired", message: "Sélectionnez un pays" }),
      ]),
    );
  });

  it("409 once the consultation is closed; 404 for an unknown one", async () => {
    const c = await createConsultation({ opensAt: new Date(Date.now() - 7_200_000), closesAt: new Date(Date.now() - 1000) });
    const res = await postResponse(jsonRequest({ generalComment: "late", respondent }), c.slug, client());
    expect(res.status).toBe(409);
    expect((res.body as { error: { code: string } }).error.code).toBe("closed");
    const missing = await postResponse(jsonRequest({ generalComment: "x", respondent }), "no-such-thing", client());
    expect(missing.status).toBe(404);
  });

  it("413 for an oversized body, 415 for a form post, 400 for invalid UTF-8 or JSON", async () => {
    const c = await createConsultation();
    const huge = JSON.stringify({ generalComment: "x".repeat(1_100_000), respondent });
    expect((await postResponse(jsonRequest(huge), c.slug, client())).status).toBe(413);
    const form = new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect((await postResponse(form, c.slug, client())).status).toBe(415);
    const badUtf8 = new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
    expect(await postResponse(badUtf8, c.slug, client())).toMatchObject({ status: 400, body: { error: { code: "invalid_utf8" } } });
    expect(await postResponse(jsonRequest("{not json"), c.slug, client())).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
  });

  it("answers every malformed body with a 4xx, never a 5xx, and stores nothing", async () => {
    const c = await createConsultation();
    const bodies: unknown[] = [
      null, 0, "text", [], [1, 2], true, {}, { respondent: null }, { respondent: [] }, { feedback: "x", respondent },
      { feedback: [null], respondent }, { feedback: [{ clause: 1 }], respondent }, { feedback: [{ clause: "1.1", clarity: "5" }], respondent },
      { feedback: [{ clause: "1.1", clarity: { rating: "5" } }], respondent }, { feedback: [{ clause: "x".repeat(10_000), clarity: { rating: 1 } }], respondent },
      { feedback: Array.from({ length: 500 }, () => ({ clause: "1.1", clarity: { rating: 1 } })), respondent },
      { generalComment: { toString: "x" }, respondent }, { generalComment: "ok", respondent: { ...respondent, privacyConsent: "true" } },
      { generalComment: "ok", respondent: { ...respondent, publicSector: "yes" } }, { generalComment: "ok", respondent, extra: 1 },
      { generalComment: "ok", respondent, idempotencyKey: "'; DROP TABLE response; --" }, { generalComment: "\u0000", respondent },
      { generalComment: "ok", respondent: { ...respondent, email: "not an email" } }, { generalComment: "ok", respondent: { ...respondent, type: "alien" } },
      { __proto__: { polluted: true }, generalComment: "ok", respondent: { ...respondent, country: "ZZ" } },
    ];
    for (const body of bodies) {
      const res = await postResponse(jsonRequest(body), c.slug, client());
      expect(res.status, JSON.stringify(body)?.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body)?.slice(0, 80)).toBeLessThan(500);
    }
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("drops control characters PostgreSQL cannot store, instead of failing", async () => {
    const c = await createConsultation();
    const res = await postResponse(jsonRequest({ generalComment: "Hello\u0000 world\u0007", respondent }), c.slug, client());
    expect(res.status).toBe(201);
    const stored = await db.feedbackItem.findFirstOrThrow({ where: { response: { reference: (res.body as { reference: string }).reference } } });
    expect(stored.comment).toBe("Hello world");
  });

  it("429 when one client sends too many", async () => {
    const c = await createConsultation();
    const who = client();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await postResponse(jsonRequest({}), c.slug, who)).status);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});
