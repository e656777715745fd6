import { describe, expect, it } from "vitest";
import { canonicalJson, keyReusedFormState, newIdempotencyKey, requestHash } from "./idempotency";
import { ZResponseInput } from "./schema";

const respondent = { type: "individual", country: "FR", publicSector: true, publication: "none", privacyConsent: true };
const parse = (v: unknown) => ZResponseInput.parse(v);
const consultation = "5b0c6e9e-2f7a-4d3b-9c1e-0a8f7d6e5c41";

describe("canonicalJson", () => {
  it("sorts members at every level and leaves undefined ones out", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: undefined }], c: "x" }, z: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"f":2}]},"b":1}',
    );
    expect(canonicalJson([undefined, null, "é"])).toBe('[null,null,"é"]');
  });
});

describe("requestHash", () => {
  const body = {
    idempotencyKey: "k".repeat(16),
    feedback: [{ clause: "1.1", clarity: { rating: 2 } }],
    generalComment: "Fine",
    respondent,
  };

  it("is the same for the same request, whatever its key, member order or outer spaces", () => {
    const h = requestHash(consultation, parse(body));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const reordered = {
      respondent: { ...respondent },
      generalComment: " Fine ",
      feedback: [{ clarity: { rating: 2 }, clause: "1.1" }],
      idempotencyKey: "other-key-000000000",
    };
    expect(requestHash(consultation, parse(reordered))).toBe(h);
  });

  it("differs for another content, another consultation or another day of receipt", () => {
    const h = requestHash(consultation, parse(body));
    expect(requestHash(consultation, parse({ ...body, generalComment: "Fine." }))).not.toBe(h);
    expect(
      requestHash(consultation, parse({ ...body, respondent: { ...respondent, publication: "anonymous" } })),
    ).not.toBe(h);
    expect(
      requestHash(consultation, parse({ ...body, feedback: [{ clause: "1.1", clarity: { rating: 3 } }] })),
    ).not.toBe(h);
    expect(requestHash("8d2f4a10-6b3c-4e7d-a5f9-1c2b3d4e5f60", parse(body))).not.toBe(h);
    expect(requestHash(consultation, parse(body), "2026-01-02")).not.toBe(h);
  });
});

describe("the form's keys", () => {
  it("are 128 random bits the schema accepts, and a reused key's form gets a fresh one with every value kept", () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newIdempotencyKey()).not.toBe(key);
    expect(ZResponseInput.safeParse({ idempotencyKey: key, generalComment: "c", respondent }).success).toBe(true);
    const state = keyReusedFormState({ idempotencyKey: key, generalComment: "Kept" });
    expect(state).toMatchObject({
      status: "invalid",
      errors: [{ field: "form", key: "idempotencyKeyReused" }],
      values: { generalComment: "Kept" },
    });
    expect(state.values.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(state.values.idempotencyKey).not.toBe(key);
  });
});
