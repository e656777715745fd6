// The request body the API document shows is the one the handler parses with: a body the document calls
// invalid is refused by the handler with 400, and the document's own example is stored (201). Validated
// by a JSON Schema validator from the served document itself, not by zod.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";
import { openApiDocument } from "./openapi";
import { postResponse } from "./post-response";

const doc = JSON.parse(JSON.stringify(openApiDocument())) as {
  paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: object; examples: Record<string, { value: Record<string, unknown> }> }> } }>>;
  components: object;
};
const body = doc.paths["/api/consultations/{slug}/responses"].post.requestBody.content["application/json"];
const documentSays = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile({ ...body.schema, components: doc.components });

const post = (slug: string, value: unknown) =>
  postResponse(
    new Request(`http://localhost/api/consultations/${slug}/responses`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(value) }),
    slug,
    uniqueSlug("client"),
  );

const ok = { feedback: [{ clause: "1.1", clarity: { rating: 4, comment: "Clear enough." } }], respondent };

/** Bodies the document's schema refuses, each for one reason it states. */
const INVALID: Record<string, unknown> = {
  "no respondent": { generalComment: "Hello" },
  "a member the schema does not know": { ...ok, extra: 1 },
  "an unknown member in the respondent": { ...ok, respondent: { ...respondent, age: 40 } },
  "a rating of 6": { ...ok, feedback: [{ clause: "1.1", clarity: { rating: 6 } }] },
  "a rating of 2.5": { ...ok, feedback: [{ clause: "1.1", feasibility: { rating: 2.5 } }] },
  "a comment longer than its maxLength": { ...ok, generalComment: "x".repeat(5001) },
  "a term longer than its maxLength": { ...ok, feedback: [{ clause: "1.1", language: { term: "t".repeat(201), reason: "r" } }] },
  "an idempotency key of 15 characters": { ...ok, idempotencyKey: "a".repeat(15) },
  "an idempotency key with a dot": { ...ok, idempotencyKey: "abcdefgh.ijklmnop" },
  "a country in lower case": { ...ok, respondent: { ...respondent, country: "fr" } },
  "privacy consent false": { ...ok, respondent: { ...respondent, privacyConsent: false } },
  "an unknown respondent type": { ...ok, respondent: { ...respondent, type: "company" } },
  "a null comment": { ...ok, generalComment: null },
  "101 feedback entries": { ...ok, feedback: Array.from({ length: 101 }, (_, i) => ({ clause: `c${i}`, clarity: { rating: 3 } })) },
  "a clause key of 33 characters": { ...ok, feedback: [{ clause: "k".repeat(33), clarity: { rating: 3 } }] },
  "an empty clause key": { ...ok, feedback: [{ clause: "", clarity: { rating: 3 } }] },
};

describe("the request body in the API document is the handler's", () => {
  it("stores the document's own example (201), which its schema accepts", async () => {
    const c = await createConsultation();
    for (const example of Object.values(body.examples)) {
      const value = { ...example.value, idempotencyKey: uniqueSlug("example-key-0000") };
      expect(documentSays(value), JSON.stringify(documentSays.errors)).toBe(true);
      expect((await post(c.slug, value)).status).toBe(201);
    }
  });

  it("refuses with 400 every body the document says is invalid", async () => {
    const c = await createConsultation();
    expect(documentSays(ok)).toBe(true);
    expect((await post(c.slug, ok)).status).toBe(201);
    for (const [why, value] of Object.entries(INVALID)) {
      expect(documentSays(value), `the document accepts ${why}`).toBe(false);
      const answer = await post(c.slug, value);
      expect(answer.status, `the handler accepts ${why}`).toBe(400);
      expect((answer.body as { error: { code: string } }).error.code).toBe("invalid");
    }
  });
});
