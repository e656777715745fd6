// The request body the API document shows is the one the handler parses with: a body the document calls
// invalid is refused by the handler with 400, and the document's own example is stored (201). And the
// handlers' real answers are what the document says. Checked with a JSON Schema validator on the
// document itself, not with zod.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";
import { openApiDocument } from "./openapi";
import { postResponse } from "./post-response";
import { GET as getConsultation } from "@/app/api/consultations/[slug]/route";
import { checkHealth } from "@/lib/health/check-health";
import { publishedPage } from "@/lib/publication/published-request";

type TMedia = { schema: object; examples: Record<string, { value: Record<string, unknown> }> };
const doc = JSON.parse(JSON.stringify(openApiDocument())) as {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody: { content: Record<string, TMedia> };
        responses: Record<string, { content: Record<string, TMedia> }>;
      }
    >
  >;
  components: object;
};
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const body = doc.paths["/api/consultations/{slug}/responses"].post.requestBody.content["application/json"];
const documentSays = ajv.compile({ ...body.schema, components: doc.components });

/** Whether `value` is what the document says `METHOD path` answers with `status`, and why not. */
function asDocumented(method: string, path: string, status: number, value: unknown): string {
  const schema = doc.paths[path][method].responses[String(status)].content["application/json"].schema;
  const check = ajv.compile({ ...schema, components: doc.components });
  return check(value) ? "as documented" : JSON.stringify(check.errors);
}

const post = (slug: string, value: unknown) =>
  postResponse(
    new Request(`http://localhost/api/consultations/${slug}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(value),
    }),
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
  "a term longer than its maxLength": {
    ...ok,
    feedback: [{ clause: "1.1", language: { term: "t".repeat(201), reason: "r" } }],
  },
  "an idempotency key of 15 characters": { ...ok, idempotencyKey: "a".repeat(15) },
  "an idempotency key with a dot": { ...ok, idempotencyKey: "abcdefgh.ijklmnop" },
  "a country in lower case": { ...ok, respondent: { ...respondent, country: "fr" } },
  "privacy consent false": { ...ok, respondent: { ...respondent, privacyConsent: false } },
  "an unknown respondent type": { ...ok, respondent: { ...respondent, type: "company" } },
  "a null comment": { ...ok, generalComment: null },
  "101 feedback entries": {
    ...ok,
    feedback: Array.from({ length: 101 }, (_, i) => ({ clause: `c${i}`, clarity: { rating: 3 } })),
  },
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

  it("answers as the document says: the consultation, a submission and its errors, a page of open data, the health check", async () => {
    const c = await createConsultation();
    const read = await getConsultation(new Request(`http://localhost/api/consultations/${c.slug}`), {
      params: Promise.resolve({ slug: c.slug }),
    });
    expect(read.status).toBe(200);
    expect(asDocumented("get", "/api/consultations/{slug}", 200, await read.json())).toBe("as documented");
    const missing = await getConsultation(new Request("http://localhost/api/consultations/nope"), {
      params: Promise.resolve({ slug: "no-such-one" }),
    });
    expect(asDocumented("get", "/api/consultations/{slug}", 404, await missing.json())).toBe("as documented");

    const stored = await post(c.slug, { ...ok, idempotencyKey: uniqueSlug("documented-key-00") });
    expect(asDocumented("post", "/api/consultations/{slug}/responses", stored.status, stored.body)).toBe(
      "as documented",
    );
    const refused = await post(c.slug, INVALID["a rating of 6"]);
    expect(asDocumented("post", "/api/consultations/{slug}/responses", refused.status, refused.body)).toBe(
      "as documented",
    );

    const page = await publishedPage(
      new Request(`http://localhost/api/consultations/dpsi/published?limit=5`),
      "dpsi",
      uniqueSlug("client"),
    );
    expect(page.status).toBe(200);
    expect(asDocumented("get", "/api/consultations/{slug}/published", 200, await page.json())).toBe("as documented");

    for (const details of [false, true]) {
      const health = await checkHealth({ details });
      expect(asDocumented("get", "/api/health", health.status, JSON.parse(JSON.stringify(health.body)))).toBe(
        "as documented",
      );
    }
  });
});
