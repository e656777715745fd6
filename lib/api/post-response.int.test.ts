import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";
import { postResponse } from "./post-response";

const url = "http://localhost/api/consultations/x/responses";
const jsonRequest = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const client = () => uniqueSlug("client");

describe("POST /api/consultations/{slug}/responses", () => {
  it("201 with the reference; a replay of the Idempotency-Key with the same body gives 200 and the same reference and receipt", async () => {
    const c = await createConsultation();
    const body = {
      feedback: [{ clause: "1.1", feasibility: { rating: 2, countryContext: "Island state" } }],
      respondent,
    };
    const first = await postResponse(jsonRequest(body, { "idempotency-key": "api-key-0000000001" }), c.slug, client());
    expect(first.status).toBe(201);
    const ref = (first.body as { reference: string }).reference;
    expect(ref).toMatch(/^TEST-\d{4}-\d{6,}$/);
    expect((first.body as { receiptUrl: string }).receiptUrl).toMatch(
      new RegExp(`^/en/c/${c.slug}/receipt/${ref}\\?key=`),
    );
    // The same body, its keys in another order and its text with other outer spaces: the same request.
    const reordered = {
      respondent,
      feedback: [{ feasibility: { countryContext: " Island state ", rating: 2 }, clause: "1.1" }],
    };
    const again = await postResponse(
      jsonRequest(reordered, { "idempotency-key": "api-key-0000000001" }),
      c.slug,
      client(),
    );
    expect(again).toMatchObject({
      status: 200,
      body: { reference: ref, receiptUrl: (first.body as { receiptUrl: string }).receiptUrl, replayed: true },
    });
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(1);
    const stored = await db.response.findUniqueOrThrow({ where: { reference: ref } });
    expect(stored.channel).toBe("api");
  });

  it("409 idempotency_key_reused, with neither reference nor receipt, for a used key with another body", async () => {
    const c = await createConsultation();
    const key = "shared-key-00000000000001";
    const owner = {
      generalComment: "My private view",
      respondent: { ...respondent, name: "Ana Owner", email: `${uniqueSlug("ana")}@example.org`, publication: "none" },
    };
    const first = await postResponse(jsonRequest(owner, { "idempotency-key": key }), c.slug, client());
    expect(first.status).toBe(201);
    const { reference } = first.body as { reference: string; receiptUrl: string };
    const receiptKey = new URL((first.body as { receiptUrl: string }).receiptUrl, "http://x").searchParams.get("key")!;
    // Someone else's body (or the owner's changed one) with that key: nothing stored, nothing of the first response returned.
    for (const other of [
      { generalComment: "Anything at all", respondent },
      { ...owner, generalComment: "My private view, changed" },
      { ...owner, respondent: { ...owner.respondent, publication: "anonymous" } },
    ]) {
      for (const request of [
        jsonRequest(other, { "idempotency-key": key }),
        jsonRequest({ ...other, idempotencyKey: key }),
      ]) {
        const res = await postResponse(request, c.slug, client());
        expect(res.status).toBe(409);
        expect((res.body as { error: { code: string; message: string } }).error).toMatchObject({
          code: "idempotency_key_reused",
          message: expect.stringMatching(/different/),
        });
        expect(res.body).not.toHaveProperty("reference");
        expect(res.body).not.toHaveProperty("receiptUrl");
        const text = JSON.stringify(res.body);
        expect(text).not.toContain(reference);
        expect(text).not.toContain(receiptKey);
      }
    }
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(1);
    // The key is bound to the consultation too: in another consultation it is a new key.
    const elsewhere = await createConsultation();
    expect((await postResponse(jsonRequest(owner, { "idempotency-key": key }), elsewhere.slug, client())).status).toBe(
      201,
    );
  });

  it("400 for an idempotency key shorter than 16 characters, in the body or the header", async () => {
    const c = await createConsultation();
    const body = { generalComment: "Guessable key", respondent };
    for (const key of ["abcd1234", "api-key-000001", "x".repeat(15)]) {
      for (const request of [
        jsonRequest(body, { "idempotency-key": key }),
        jsonRequest({ ...body, idempotencyKey: key }),
      ]) {
        const res = await postResponse(request, c.slug, client());
        expect(res.status, key).toBe(400);
        expect((res.body as { error: { fields: { field: string; code: string }[] } }).error.fields).toEqual([
          expect.objectContaining({ field: "idempotencyKey", code: "idempotencyKeyInvalid" }),
        ]);
      }
    }
    expect(
      (await postResponse(jsonRequest(body, { "idempotency-key": "x".repeat(16) }), c.slug, client())).status,
    ).toBe(201);
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(1);
  });

  it("stores exactly one of concurrent posts with one key and different bodies; the others get 409", async () => {
    const c = await createConsultation();
    const key = "race-key-000000000000001";
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postResponse(
          jsonRequest({ generalComment: `Body number ${i}`, respondent }, { "idempotency-key": key }),
          c.slug,
          client(),
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({ error: { code: "idempotency_key_reused" } });
      expect(r.body).not.toHaveProperty("reference");
    }
    const winner = results.find((r) => r.status === 201)!.body as { reference: string };
    const stored = await db.response.findMany({ where: { consultationId: c.id }, include: { feedbackItems: true } });
    expect(stored.map((s) => s.reference)).toEqual([winner.reference]);
    expect(stored[0].feedbackItems).toHaveLength(1);
  });

  it("400 with field errors, in French when asked", async () => {
    const c = await createConsultation();
    const res = await postResponse(
      jsonRequest(
        { feedback: [{ clause: "1.1", clarity: { rating: 9 } }], respondent: { ...respondent, country: "XX" } },
        { "accept-language": "fr-FR,fr;q=0.9" },
      ),
      c.slug,
      client(),
    );
    expect(res.status).toBe(400);
    const fields = (res.body as { error: { fields: { field: string; code: string; message: string }[] } }).error.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "feedback[0].clarity.rating", code: "ratingRange" }),
        expect.objectContaining({
          field: "respondent.country",
          code: "countryRequired",
          message: "Sélectionnez un pays",
        }),
      ]),
    );
  });

  it("409 once the consultation is closed; 404 for an unknown one", async () => {
    const c = await createConsultation({
      opensAt: new Date(Date.now() - 7_200_000),
      closesAt: new Date(Date.now() - 1000),
    });
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
    const form = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    expect((await postResponse(form, c.slug, client())).status).toBe(415);
    const badUtf8 = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(await postResponse(badUtf8, c.slug, client())).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_utf8" } },
    });
    expect(await postResponse(jsonRequest("{not json"), c.slug, client())).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_json" } },
    });
  });

  it("answers every malformed body with a 4xx, never a 5xx, and stores nothing", async () => {
    const c = await createConsultation();
    const bodies: unknown[] = [
      null,
      0,
      "text",
      [],
      [1, 2],
      true,
      {},
      { respondent: null },
      { respondent: [] },
      { feedback: "x", respondent },
      { feedback: [null], respondent },
      { feedback: [{ clause: 1 }], respondent },
      { feedback: [{ clause: "1.1", clarity: "5" }], respondent },
      { feedback: [{ clause: "1.1", clarity: { rating: "5" } }], respondent },
      { feedback: [{ clause: "x".repeat(10_000), clarity: { rating: 1 } }], respondent },
      { feedback: Array.from({ length: 500 }, () => ({ clause: "1.1", clarity: { rating: 1 } })), respondent },
      { generalComment: { toString: "x" }, respondent },
      { generalComment: "ok", respondent: { ...respondent, privacyConsent: "true" } },
      { generalComment: "ok", respondent: { ...respondent, publicSector: "yes" } },
      { generalComment: "ok", respondent, extra: 1 },
      { generalComment: "ok", respondent, idempotencyKey: "'; DROP TABLE response; --" },
      { generalComment: "\u0000", respondent },
      { generalComment: "ok", respondent: { ...respondent, email: "not an email" } },
      { generalComment: "ok", respondent: { ...respondent, type: "alien" } },
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
    const res = await postResponse(
      jsonRequest({ generalComment: "Hello\u0000 world\u0007", respondent }),
      c.slug,
      client(),
    );
    expect(res.status).toBe(201);
    const stored = await db.feedbackItem.findFirstOrThrow({
      where: { response: { reference: (res.body as { reference: string }).reference } },
    });
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
