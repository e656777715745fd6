import { describe, it, expect } from "vitest";
import { LIMITS, ZResponseInput } from "./schema";
import { issuesOf, respondent, withRespondent } from "@/test/schema-fixtures";

describe("ZResponseInput: valid responses", () => {
  it("accepts a general comment alone and defaults feedback to []", () => {
    const r = ZResponseInput.safeParse({ generalComment: "  Looks fine overall.  ", respondent });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.feedback).toEqual([]);
    expect(r.data.generalComment).toBe("Looks fine overall.");
    expect(r.data.respondent).toEqual(respondent);
    expect(r.data.idempotencyKey).toBeUndefined();
  });

  it("accepts a full response and trims every text", () => {
    const input = {
      idempotencyKey: "abc-DEF_1234567890",
      generalComment: " General ",
      feedback: [
        {
          clause: "1.1",
          clarity: { rating: 4, comment: " clear enough " },
          language: { term: " shall ", proposedWording: " must ", reason: " plainer " },
          feasibility: { rating: 2, countryContext: " rural areas ", comment: " costly " },
        },
        { clause: "2", clarity: { rating: 1 } },
      ],
      respondent: {
        type: "organisation",
        country: "DE",
        organisationName: " ACME e.V. ",
        name: " Jane Doe ",
        publicSector: true,
        email: " jane@example.org ",
        publication: "named",
        privacyConsent: true,
      },
    };
    const r = ZResponseInput.safeParse(input);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data).toEqual({
      idempotencyKey: "abc-DEF_1234567890",
      generalComment: "General",
      feedback: [
        {
          clause: "1.1",
          clarity: { rating: 4, comment: "clear enough" },
          language: { term: "shall", proposedWording: "must", reason: "plainer" },
          feasibility: { rating: 2, countryContext: "rural areas", comment: "costly" },
        },
        { clause: "2", clarity: { rating: 1 } },
      ],
      respondent: {
        type: "organisation",
        country: "DE",
        organisationName: "ACME e.V.",
        name: "Jane Doe",
        publicSector: true,
        email: "jane@example.org",
        publication: "named",
        privacyConsent: true,
      },
    });
  });

  it("accepts feedback without a general comment", () => {
    expect(
      ZResponseInput.safeParse({ feedback: [{ clause: "3", feasibility: { comment: "ok" } }], respondent }).success,
    ).toBe(true);
  });

  it("accepts a term with only a reason", () => {
    const r = ZResponseInput.safeParse({
      feedback: [{ clause: "3", language: { term: "t", reason: "why" } }],
      respondent,
    });
    expect(r.success).toBe(true);
  });

  it("accepts named publication by an organisation without a personal name", () => {
    const r = ZResponseInput.safeParse(
      withRespondent({ type: "group", organisationName: "Friends", publication: "named" }),
    );
    expect(r.success).toBe(true);
  });

  it("accepts every respondent type that carries an organisation name", () => {
    for (const type of ["organisation", "group", "local_government", "national_government"]) {
      expect(ZResponseInput.safeParse(withRespondent({ type, organisationName: "Org" })).success).toBe(true);
    }
  });

  it("accepts ratings 1 to 5", () => {
    for (const rating of [1, 2, 3, 4, 5]) {
      expect(ZResponseInput.safeParse({ feedback: [{ clause: "1", clarity: { rating } }], respondent }).success).toBe(
        true,
      );
    }
  });
});

describe("ZResponseInput: refinements", () => {
  it("a language entry needs a term", () => {
    const issues = issuesOf({ feedback: [{ clause: "1", language: { proposedWording: "must" } }], respondent });
    expect(issues).toEqual([{ path: ["feedback", 0, "language", "term"], key: "termRequired" }]);
  });

  it("a term alone needs a proposed wording or a reason", () => {
    const issues = issuesOf({ feedback: [{ clause: "1", language: { term: "shall" } }], respondent });
    expect(issues).toEqual([{ path: ["feedback", 0, "language", "proposedWording"], key: "wordingOrReasonRequired" }]);
  });

  it("a language entry with only blanks counts as absent", () => {
    const issues = issuesOf({ feedback: [{ clause: "1", language: { term: "  ", reason: "\n" } }], respondent });
    expect(issues).toEqual([{ path: ["feedback", 0], key: "emptyClause" }]);
  });

  it("an empty clause entry is refused", () => {
    expect(issuesOf({ feedback: [{ clause: "1.1" }], respondent })).toEqual([
      { path: ["feedback", 0], key: "emptyClause" },
    ]);
    expect(
      issuesOf({ feedback: [{ clause: "1.1", clarity: {}, feasibility: { comment: "   " } }], respondent }),
    ).toEqual([{ path: ["feedback", 0], key: "emptyClause" }]);
  });

  it("an organisation type needs an organisation name", () => {
    for (const type of ["organisation", "group", "local_government", "national_government"]) {
      expect(issuesOf(withRespondent({ type }))).toEqual([
        { path: ["respondent", "organisationName"], key: "organisationNameRequired" },
      ]);
    }
    expect(issuesOf(withRespondent({ type: "organisation", organisationName: "   " }))).toEqual([
      { path: ["respondent", "organisationName"], key: "organisationNameRequired" },
    ]);
  });

  it("an individual publishing by name needs a name", () => {
    expect(issuesOf(withRespondent({ publication: "named" }))).toEqual([
      { path: ["respondent", "name"], key: "nameRequiredToPublish" },
    ]);
    expect(issuesOf(withRespondent({ publication: "named", name: " " }))).toEqual([
      { path: ["respondent", "name"], key: "nameRequiredToPublish" },
    ]);
    expect(ZResponseInput.safeParse(withRespondent({ publication: "named", name: "Jo" })).success).toBe(true);
    expect(ZResponseInput.safeParse(withRespondent({ publication: "anonymous" })).success).toBe(true);
  });

  it("a response with nothing to submit is refused", () => {
    expect(issuesOf({ respondent })).toEqual([{ path: ["feedback"], key: "nothingToSubmit" }]);
    expect(issuesOf({ feedback: [], generalComment: "", respondent })).toEqual([
      { path: ["feedback"], key: "nothingToSubmit" },
    ]);
  });

  it("a blank general comment counts as absent", () => {
    expect(issuesOf({ generalComment: "  ", respondent })).toEqual([{ path: ["feedback"], key: "nothingToSubmit" }]);
    const r = ZResponseInput.safeParse({
      generalComment: " \t ",
      feedback: [{ clause: "1", clarity: { rating: 3 } }],
      respondent,
    });
    expect(r.success).toBe(true);
    if (r.success) expect("generalComment" in r.data && r.data.generalComment !== undefined).toBe(false);
  });

  it("a clause given twice is refused at the second entry", () => {
    const issues = issuesOf({
      feedback: [
        { clause: "1", clarity: { rating: 3 } },
        { clause: "2", clarity: { rating: 3 } },
        { clause: "1", feasibility: { rating: 2 } },
      ],
      respondent,
    });
    expect(issues).toEqual([{ path: ["feedback", 2, "clause"], key: "duplicateClause" }]);
  });

  it("privacy consent must be true", () => {
    expect(issuesOf(withRespondent({ privacyConsent: false }))).toEqual([
      { path: ["respondent", "privacyConsent"], key: "consentRequired" },
    ]);
    expect(issuesOf(withRespondent({ privacyConsent: "yes" }))).toEqual([
      { path: ["respondent", "privacyConsent"], key: "consentRequired" },
    ]);
  });

  it("an unknown country is refused", () => {
    expect(issuesOf(withRespondent({ country: "XX" }))).toEqual([
      { path: ["respondent", "country"], key: "countryRequired" },
    ]);
    expect(issuesOf(withRespondent({ country: "fr" }))).toEqual([
      { path: ["respondent", "country"], key: "countryRequired" },
    ]);
  });

  it("refuses ratings outside 1..5, fractions and strings", () => {
    for (const rating of [0, 6, 2.5, "3", -1, Number.NaN]) {
      for (const aspect of ["clarity", "feasibility"]) {
        const issues = issuesOf({ feedback: [{ clause: "1", [aspect]: { rating } }], respondent });
        expect(issues.map((i) => [i.path, i.key])).toEqual([[["feedback", 0, aspect, "rating"], "ratingRange"]]);
      }
    }
  });

  it("a comment over 5000 characters is too long, and 5000 is fine", () => {
    expect(LIMITS.comment).toBe(5000);
    expect(issuesOf({ generalComment: "x".repeat(5001), respondent })).toEqual([
      { path: ["generalComment"], key: "tooLong", max: 5000 },
    ]);
    expect(ZResponseInput.safeParse({ generalComment: "x".repeat(5000), respondent }).success).toBe(true);
    // Surrounding blanks are trimmed before the length is checked.
    expect(ZResponseInput.safeParse({ generalComment: ` ${"x".repeat(5000)} `, respondent }).success).toBe(true);
  });

  it("limits each text field to its own maximum", () => {
    const issues = issuesOf({
      feedback: [{ clause: "1", language: { term: "t".repeat(201), proposedWording: "w".repeat(2001), reason: "r" } }],
      respondent,
    });
    expect(issues).toEqual([
      { path: ["feedback", 0, "language", "term"], key: "tooLong", max: 200 },
      { path: ["feedback", 0, "language", "proposedWording"], key: "tooLong", max: 2000 },
    ]);
  });

  it("a clause key longer than 32 characters is an unknown clause", () => {
    const issues = issuesOf({ feedback: [{ clause: "1".repeat(33), clarity: { rating: 1 } }], respondent });
    expect(issues.map((i) => [i.path, i.key])).toEqual([[["feedback", 0, "clause"], "unknownClause"]]);
    expect(issuesOf({ feedback: [{ clause: "", clarity: { rating: 1 } }], respondent }).map((i) => i.key)).toEqual([
      "required",
    ]);
  });

  it("refuses more than 100 feedback entries", () => {
    const feedback = Array.from({ length: 101 }, (_, i) => ({ clause: `c${i}`, clarity: { rating: 3 } }));
    const issues = issuesOf({ feedback, respondent });
    expect(issues).toEqual([{ path: ["feedback"], key: "tooManyClauses", max: 100 }]);
    expect(ZResponseInput.safeParse({ feedback: feedback.slice(0, 100), respondent }).success).toBe(true);
  });

  it("refuses a malformed idempotency key, and one shorter than 16 characters", () => {
    for (const idempotencyKey of [
      "short",
      "abcd1234",
      "x".repeat(15),
      "has space in it!",
      "x".repeat(65),
      "ünïcödé-key-0123456",
      "key=0123456789abcdef",
    ]) {
      expect(issuesOf({ idempotencyKey, generalComment: "c", respondent })).toEqual([
        { path: ["idempotencyKey"], key: "idempotencyKeyInvalid" },
      ]);
    }
    for (const idempotencyKey of [
      "x".repeat(16),
      "A-z_0".repeat(12) + "9999",
      "f3b9c2d4-7a1e-4c0b-9e55-2d8a6b1c0e77",
    ]) {
      expect(
        ZResponseInput.safeParse({ idempotencyKey, generalComment: "c", respondent }).success,
        idempotencyKey,
      ).toBe(true);
    }
  });

  it("an unknown top-level key is an unknownField issue", () => {
    const issues = issuesOf({ generalComment: "c", respondent, extra: 1 });
    expect(issues).toEqual([{ path: [], key: "unknownField" }]);
  });

  it("unknown keys inside nested objects are unknownField issues too", () => {
    const issues = issuesOf({
      feedback: [{ clause: "1", clarity: { rating: 3, colour: "red" } }],
      respondent: { ...respondent, age: 3 },
    });
    expect(issues.map((i) => [i.path, i.key])).toEqual(
      expect.arrayContaining([
        [["feedback", 0, "clarity"], "unknownField"],
        [["respondent"], "unknownField"],
      ]),
    );
    expect(issues).toHaveLength(2);
  });

  it("missing respondent fields name their own keys", () => {
    const issues = issuesOf({ generalComment: "c", respondent: {} });
    expect(Object.fromEntries(issues.map((i) => [i.path.join("."), i.key]))).toEqual({
      "respondent.type": "respondentTypeRequired",
      "respondent.country": "countryRequired",
      "respondent.publicSector": "publicSectorRequired",
      "respondent.publication": "publicationRequired",
      "respondent.privacyConsent": "consentRequired",
    });
  });
});
