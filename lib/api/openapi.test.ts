// The API document is made from the schemas (openapi.ts): it must be a valid OpenAPI document, name every
// route the app serves under /api (a new route without documentation fails here), and its examples must
// be what the schemas accept.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { validate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { IDEMPOTENCY_KEY, LIMITS, PUBLICATIONS, RESPONDENT_TYPES, ZResponseInput } from "@/lib/responses/schema";
import { openApiDocument } from "./openapi";
import { ZConsultation } from "./wire";

type TOperation = {
  parameters?: { name: string; in: string; schema: Record<string, unknown>; description?: string }[];
  requestBody?: { content: Record<string, { schema: unknown; examples?: Record<string, { value: unknown }> }> };
  responses: Record<
    string,
    { content?: Record<string, { schema: unknown; example?: unknown; examples?: Record<string, { value: unknown }> }> }
  >;
};
const doc = openApiDocument() as unknown as {
  paths: Record<string, Record<string, TOperation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

/** Route handlers under app/api that are not part of the API, and why. */
const NOT_IN_THE_API: Record<string, string> = {
  "POST /api/auth/{...nextauth}":
    "Auth.js's own endpoints (sign-in, session, CSRF token), used by the site's sign-in page",
  "GET /api/auth/{...nextauth}":
    "Auth.js's own endpoints (sign-in, session, CSRF token), used by the site's sign-in page",
  "POST /api/delegation/{slug}/letter":
    "the delegation page's upload form (multipart, answers with redirects back to the page)",
};

/** Every `METHOD /api/...` that a route.ts under app/api exports, with its path in OpenAPI's form. */
function routesOnDisk(): string[] {
  const root = join(process.cwd(), "app");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const url =
          "/" +
          relative(root, dir)
            .split(sep)
            .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
            .join("/");
        const source = readFileSync(path, "utf8");
        const methods = new Set([
          ...[...source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]),
          ...[...source.matchAll(/export\s+const\s+\{([^}]*)\}/g)].flatMap((m) =>
            m[1]
              .split(",")
              .map((s) => s.trim())
              .filter((s) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(s)),
          ),
        ]);
        for (const method of methods) found.push(`${method} ${url}`);
      }
    }
  };
  walk(join(root, "api"));
  return found.sort();
}

function documented(): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

/** A validator of the document's JSON Schemas (OpenAPI 3.1's dialect is JSON Schema 2020-12). */
function validator(schema: unknown) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  return ajv.compile({ ...(schema as object), components: doc.components });
}

describe("the OpenAPI document (lib/api/openapi.ts)", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
    expect((doc as unknown as { openapi: string }).openapi).toMatch(/^3\.1\./);
  });

  it("documents every route under app/api, and only those", () => {
    const onDisk = routesOnDisk();
    expect(onDisk.length).toBeGreaterThan(8);
    const undocumented = onDisk.filter((r) => !documented().includes(r) && !(r in NOT_IN_THE_API));
    expect(undocumented, "routes missing from lib/api/openapi.ts").toEqual([]);
    expect(
      documented().filter((r) => !onDisk.includes(r)),
      "documented routes that do not exist",
    ).toEqual([]);
    expect(
      Object.keys(NOT_IN_THE_API).filter((r) => !onDisk.includes(r)),
      "stale exceptions",
    ).toEqual([]);
  });

  it("takes the request body of a submission from ZResponseInput: the same limits and choices, objects closed", () => {
    const s = doc.components.schemas;
    const props = (name: string) =>
      s[name].properties as Record<string, { enum?: unknown[]; maxLength?: number; pattern?: string }>;
    expect(props("Respondent").type.enum).toEqual([...RESPONDENT_TYPES]);
    expect(props("Respondent").publication.enum).toEqual([...PUBLICATIONS]);
    expect(props("Respondent").organisationName.maxLength).toBe(LIMITS.organisationName);
    expect(props("ResponseInput").generalComment.maxLength).toBe(LIMITS.comment);
    expect(props("LanguageFeedback").term.maxLength).toBe(LIMITS.term);
    expect(props("ResponseInput").idempotencyKey.pattern).toBe(IDEMPOTENCY_KEY.source);
    for (const name of [
      "ResponseInput",
      "Respondent",
      "ClauseFeedback",
      "ClarityFeedback",
      "LanguageFeedback",
      "FeasibilityFeedback",
    ]) {
      expect(s[name].additionalProperties, name).toBe(false);
    }
    const post = doc.paths["/api/consultations/{slug}/responses"].post;
    expect(post.requestBody!.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ResponseInput",
    });
  });

  it("documents the idempotency key, in the header and the body, as the schema enforces it, and the 409 when reused", () => {
    const post = doc.paths["/api/consultations/{slug}/responses"].post;
    const header = post.parameters!.find((p) => p.name === "Idempotency-Key" && p.in === "header")!;
    const field = (
      doc.components.schemas.ResponseInput.properties as Record<
        string,
        { pattern: string; minLength: number; description: string }
      >
    ).idempotencyKey;
    for (const d of [header.schema as { pattern?: string; minLength?: number }, field]) {
      expect(d.pattern).toBe(IDEMPOTENCY_KEY.source);
      expect(d.minLength).toBe(16);
    }
    for (const text of [header.description ?? (header.schema.description as string), field.description]) {
      expect(text).toMatch(/16 to 64 characters/);
      expect(text).toMatch(/bound to the request/);
      expect(text).toMatch(/idempotency_key_reused/);
    }
    expect(Object.keys(post.responses["409"].content!["application/json"].examples!)).toContain(
      "idempotency_key_reused",
    );
  });

  it("gives each route the statuses it really answers with, the rate-limit headers and the operator's token", () => {
    const codes = (path: string, method = "get") => Object.keys(doc.paths[path][method].responses).sort();
    expect(codes("/api/consultations/{slug}/responses", "post")).toEqual([
      "200",
      "201",
      "400",
      "403",
      "404",
      "409",
      "413",
      "415",
      "429",
      "503",
    ]);
    expect(codes("/api/consultations/{slug}/published")).toEqual(["200", "400", "404", "429", "503"]);
    expect(codes("/api/consultations/{slug}/published/export")).toEqual(["200", "400", "404", "429", "503"]);
    expect(codes("/api/moderate/consultations/{slug}/export")).toEqual([
      "200",
      "400",
      "401",
      "403",
      "404",
      "429",
      "503",
    ]);
    // scripts/server.mjs sheds load on every /api/ path but the health check, with the API's error shape.
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item))
        expect(Object.keys(op.responses), `${method} ${path}`).toContain("503");
    const page = doc.paths["/api/consultations/{slug}/published"].get.responses as Record<
      string,
      { headers?: Record<string, unknown> }
    >;
    expect(Object.keys(page["200"].headers ?? {})).toEqual([
      "RateLimit-Limit",
      "RateLimit-Remaining",
      "RateLimit-Reset",
    ]);
    expect(Object.keys(page["429"].headers ?? {})).toContain("Retry-After");
    const health = doc.paths["/api/health"].get as unknown as { security: unknown[] };
    expect(health.security).toContainEqual({ healthToken: [] });
  });

  it("has examples that the schemas accept: the request's by ZResponseInput itself, every answer's by the document", () => {
    const post = doc.paths["/api/consultations/{slug}/responses"].post;
    for (const example of Object.values(post.requestBody!.content["application/json"].examples!)) {
      const parsed = ZResponseInput.safeParse(example.value);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    const consultation =
      doc.paths["/api/consultations/{slug}"].get.responses["200"].content!["application/json"].example;
    expect(ZConsultation.safeParse(consultation).success).toBe(true);
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          for (const media of Object.values(response.content ?? {})) {
            const values = [
              ...(media.example !== undefined ? [media.example] : []),
              ...Object.values(media.examples ?? {}).map((e) => e.value),
            ];
            const check = values.length ? validator(media.schema) : null;
            for (const value of values) {
              expect(check!(value), `${method} ${path} ${status}: ${JSON.stringify(check!.errors)}`).toBe(true);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });
});
