// The schema under malformed input, and how its issues become message keys.
import { describe, it, expect } from "vitest";
import { z } from "zod";
import { ERROR_KEYS, ZResponseInput, toIssues } from "./schema";
import { issuesOf, respondent, withRespondent } from "@/test/schema-fixtures";

describe("ZResponseInput: wrong types never throw", () => {
  const cases: unknown[] = [
    null,
    undefined,
    42,
    "text",
    true,
    [],
    [respondent],
    {},
    { respondent: null },
    { respondent: [] },
    { respondent: "individual", generalComment: "c" },
    { generalComment: 5, respondent },
    { generalComment: ["a"], respondent },
    { generalComment: null, respondent },
    { feedback: "abc", respondent },
    { feedback: { 0: { clause: "1" } }, respondent },
    { feedback: null, generalComment: "c", respondent },
    { feedback: [null], respondent },
    { feedback: [1, "x", []], respondent },
    { feedback: [{ clause: 1, clarity: { rating: 1 } }], respondent },
    { feedback: [{ clause: null, clarity: { rating: 1 } }], respondent },
    { feedback: [{ clause: "1", clarity: "good", language: [], feasibility: 3 }], respondent },
    { feedback: [{ clause: "1", clarity: null }], respondent },
    { feedback: [{ clause: "1", language: "abc" }], respondent },
    { feedback: [{ clause: "1", language: { term: 5, proposedWording: [], reason: {} } }], respondent },
    { feedback: [{ clause: "1", clarity: { rating: null, comment: 7 } }], respondent },
    { feedback: [{ clause: "1", feasibility: { rating: [3], countryContext: false } }], respondent },
    {
      feedback: [
        { clause: "1", clarity: { rating: 3 } },
        { clause: "1", clarity: "x" },
      ],
      respondent,
    },
    { idempotencyKey: 12345678, generalComment: "c", respondent },
    {
      generalComment: "c",
      respondent: {
        type: 1,
        country: 2,
        organisationName: 3,
        name: 4,
        publicSector: "no",
        email: 5,
        publication: [],
        privacyConsent: 1,
      },
    },
    { generalComment: "c", respondent: { ...respondent, type: null, country: null, email: null, name: null } },
    { generalComment: "c", respondent: { ...respondent, country: { code: "FR" } } },
    JSON.parse('{"__proto__": {"polluted": 1}, "generalComment": "c", "respondent": {"__proto__": null}}'),
  ];

  it.each(cases.map((c, i) => [i, c]))("case %i is refused with known error keys", (_i, input) => {
    let result: ReturnType<typeof ZResponseInput.safeParse> | undefined;
    expect(() => {
      result = ZResponseInput.safeParse(input);
    }).not.toThrow();
    expect(result?.success).toBe(false);
    if (result && !result.success) {
      const issues = toIssues(result.error);
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expect(ERROR_KEYS).toContain(issue.key);
    }
  });

  it("reports a wrong type with the field's own key", () => {
    expect(issuesOf({ generalComment: 5, respondent })).toEqual([{ path: ["generalComment"], key: "invalid" }]);
    expect(issuesOf({ feedback: "abc", generalComment: "c", respondent })).toEqual([
      { path: ["feedback"], key: "invalid" },
    ]);
    expect(issuesOf({ generalComment: "c", respondent: { ...respondent, publicSector: "no" } })).toEqual([
      { path: ["respondent", "publicSector"], key: "publicSectorRequired" },
    ]);
    const { type: _type, ...withoutType } = respondent;
    expect(_type).toBe("individual");
    expect(issuesOf({ generalComment: "c", respondent: withoutType })).toEqual([
      { path: ["respondent", "type"], key: "respondentTypeRequired" },
    ]);
  });
});

describe("toIssues", () => {
  it("keeps a known message as the key", () => {
    const r = z.string({ error: "countryRequired" }).safeParse(1);
    expect(r.success).toBe(false);
    if (!r.success) expect(toIssues(r.error)).toEqual([{ path: [], key: "countryRequired" }]);
  });

  it("maps an unknown message to invalid", () => {
    const r = z.object({ a: z.number() }).safeParse({ a: "x" });
    expect(r.success).toBe(false);
    if (!r.success) expect(toIssues(r.error)).toEqual([{ path: ["a"], key: "invalid" }]);
  });

  it("maps zod's own too_big to tooLong with the maximum", () => {
    const r = z.object({ s: z.string().max(3) }).safeParse({ s: "abcd" });
    expect(r.success).toBe(false);
    if (!r.success) expect(toIssues(r.error)).toEqual([{ path: ["s"], key: "tooLong", max: 3 }]);
  });

  it("keeps a known message on too_big but still gives the maximum", () => {
    const r = z.number().max(5, { error: "ratingRange" }).safeParse(9);
    expect(r.success).toBe(false);
    if (!r.success) expect(toIssues(r.error)).toEqual([{ path: [], key: "ratingRange", max: 5 }]);
  });

  it("maps unrecognized keys to unknownField", () => {
    const r = z.strictObject({ a: z.string() }).safeParse({ a: "x", b: 1, c: 2 });
    expect(r.success).toBe(false);
    if (!r.success) expect(toIssues(r.error)).toEqual([{ path: [], key: "unknownField" }]);
  });

  it("gives no max for too_small", () => {
    const r = z.string().min(2).safeParse("a");
    expect(r.success).toBe(false);
    if (!r.success) {
      const [issue] = toIssues(r.error);
      expect(issue).toEqual({ path: [], key: "invalid" });
      expect("max" in issue).toBe(false);
    }
  });

  it("turns symbol path segments into strings", () => {
    const sym = Symbol("s");
    const error = new z.ZodError([{ code: "custom", message: "invalid", path: ["a", sym, 2], input: undefined }]);
    expect(toIssues(error)).toEqual([{ path: ["a", "Symbol(s)", 2], key: "invalid" }]);
  });
});

describe("ZResponseInput: every problem at once", () => {
  it("runs the cross-field rules even when other fields are wrong", () => {
    const issues = issuesOf({
      feedback: [
        { clause: "1", clarity: { rating: 9 } },
        { clause: "1", language: { term: "shall" } },
      ],
      respondent: { ...respondent, type: "organisation", country: "XX", publication: "named" },
    });
    expect(issues.map((i) => [i.path.join("."), i.key])).toEqual(
      expect.arrayContaining([
        ["feedback.0.clarity.rating", "ratingRange"],
        ["feedback.1.language.proposedWording", "wordingOrReasonRequired"],
        ["feedback.1.clause", "duplicateClause"],
        ["respondent.country", "countryRequired"],
        ["respondent.organisationName", "organisationNameRequired"],
      ]),
    );
    expect(issues).toHaveLength(5);
  });

  it("reports nothingToSubmit alongside a wrong respondent", () => {
    const issues = issuesOf({ respondent: { ...respondent, privacyConsent: false } });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ["feedback"], key: "nothingToSubmit" },
        { path: ["respondent", "privacyConsent"], key: "consentRequired" },
      ]),
    );
    expect(issues).toHaveLength(2);
  });
});

describe("ZResponseInput: an unknown respondent type", () => {
  it("is one problem, not two", () => {
    const issues = issuesOf(withRespondent({ type: "robot" }));
    expect(issues.map((i) => i.key)).toEqual(["respondentTypeRequired"]);
  });
});

describe("ZResponseInput: email", () => {
  it("accepts a trimmed valid address", () => {
    const r = ZResponseInput.safeParse(withRespondent({ email: "  someone@example.com " }));
    expect(r.success && r.data.respondent.email).toBe("someone@example.com");
  });

  it("treats a blank address as absent", () => {
    const r = ZResponseInput.safeParse(withRespondent({ email: "   " }));
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.respondent.email).toBeUndefined();
  });

  it("refuses malformed addresses", () => {
    for (const email of ["not-an-email", "a@", "@example.com", "a b@example.com", "a@example"]) {
      expect(issuesOf(withRespondent({ email }))).toEqual([{ path: ["respondent", "email"], key: "emailInvalid" }]);
    }
  });

  it("refuses an address over 254 characters as too long", () => {
    const email = `${"a".repeat(250)}@example.com`;
    expect(issuesOf(withRespondent({ email }))).toEqual([{ path: ["respondent", "email"], key: "tooLong", max: 254 }]);
  });
});
