// The API's documentation must not drift from the schema that enforces it.
import { describe, expect, it } from "vitest";
import spec from "./openapi.json";
import { IDEMPOTENCY_KEY, LIMITS, PUBLICATIONS, RESPONDENT_TYPES, ZResponseInput } from "@/lib/responses/schema";

type TSchema = { properties: Record<string, { enum?: string[]; maxLength?: number }> };
const schemas = spec.components.schemas as unknown as Record<string, TSchema>;

describe("lib/api/openapi.json", () => {
  it("documents both endpoints", () => {
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/consultations/{slug}", "/api/consultations/{slug}/responses"]));
  });

  it("has a request example that the real schema accepts", () => {
    const examples = spec.paths["/api/consultations/{slug}/responses"].post.requestBody.content["application/json"].examples;
    for (const example of Object.values(examples)) {
      const parsed = ZResponseInput.safeParse((example as { value: unknown }).value);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it("lists the same respondent types, publication choices and limits as the schema", () => {
    expect(schemas.Respondent.properties.type.enum).toEqual([...RESPONDENT_TYPES]);
    expect(schemas.Respondent.properties.publication.enum).toEqual([...PUBLICATIONS]);
    expect(schemas.Respondent.properties.organisationName.maxLength).toBe(LIMITS.organisationName);
    expect(schemas.ResponseInput.properties.generalComment.maxLength).toBe(LIMITS.comment);
    expect(schemas.LanguageFeedback.properties.term.maxLength).toBe(LIMITS.term);
  });

  it("documents the idempotency key as the schema enforces it: its alphabet, 16 characters at least, its binding to the body, the 409", () => {
    const post = spec.paths["/api/consultations/{slug}/responses"].post;
    const header = post.parameters.find((p) => p.name === "Idempotency-Key")!;
    const field = (schemas.ResponseInput.properties as Record<string, { pattern?: string; minLength?: number; description?: string }>).idempotencyKey;
    for (const doc of [header.schema as { pattern?: string; minLength?: number }, field]) {
      expect(doc.pattern).toBe(IDEMPOTENCY_KEY.source);
      expect(doc.minLength).toBe(16);
    }
    for (const text of [header.description, field.description!]) {
      expect(text).toMatch(/16 to 64 characters/);
      expect(text).toMatch(/bound to the request/);
      expect(text).toMatch(/idempotency_key_reused/);
    }
    expect(Object.keys(post.responses["409"].content["application/json"].examples)).toContain("idempotency_key_reused");
    const codes = (spec.components.schemas.Error.properties.error.properties.code as { enum: string[] }).enum;
    expect(codes).toContain("idempotency_key_reused");
  });
});
