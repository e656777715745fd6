import { describe, it, expect } from "vitest";
import { clauseFieldName, clauseGroupId, errorHref, fieldId, issuesToFieldErrors } from "./form-fields";
import type { TIssue } from "./schema";

describe("issuesToFieldErrors", () => {
  it("maps respondent paths to the respondent field names", () => {
    const issues: TIssue[] = [
      { path: ["respondent", "country"], key: "countryRequired" },
      { path: ["respondent", "email"], key: "emailInvalid" },
    ];
    expect(issuesToFieldErrors(issues, [])).toEqual([
      { field: "country", key: "countryRequired" },
      { field: "email", key: "emailInvalid" },
    ]);
  });

  it("maps an issue about the respondent as a whole to the type field", () => {
    expect(issuesToFieldErrors([{ path: ["respondent"], key: "unknownField" }], [])).toEqual([
      { field: "type", key: "unknownField" },
    ]);
  });

  it("maps the general comment, keeping max", () => {
    expect(issuesToFieldErrors([{ path: ["generalComment"], key: "tooLong", max: 5000 }], [])).toEqual([
      { field: "generalComment", key: "tooLong", max: 5000 },
    ]);
  });

  it("maps per-clause field paths through feedbackClauses", () => {
    const clauses = ["2.1", "1.1"];
    expect(
      issuesToFieldErrors([{ path: ["feedback", 1, "clarity", "rating"], key: "ratingRange", max: 5 }], clauses),
    ).toEqual([{ field: "c:1.1:clarity:rating", key: "ratingRange", max: 5 }]);
    expect(
      issuesToFieldErrors(
        [{ path: ["feedback", 0, "language", "proposedWording"], key: "wordingOrReasonRequired" }],
        clauses,
      ),
    ).toEqual([{ field: "c:2.1:language:proposedWording", key: "wordingOrReasonRequired" }]);
  });

  it("maps clause-level issues to the clause group", () => {
    const clauses = ["1.1", "3"];
    expect(issuesToFieldErrors([{ path: ["feedback", 1], key: "emptyClause" }], clauses)).toEqual([
      { field: "c:3", key: "emptyClause" },
    ]);
    expect(issuesToFieldErrors([{ path: ["feedback", 0, "clause"], key: "duplicateClause" }], clauses)).toEqual([
      { field: "c:1.1", key: "duplicateClause" },
    ]);
    expect(issuesToFieldErrors([{ path: ["feedback", 0, "clarity"], key: "unknownField" }], clauses)).toEqual([
      { field: "c:1.1", key: "unknownField" },
    ]);
  });

  it("falls back to the index when the clause is not known", () => {
    expect(issuesToFieldErrors([{ path: ["feedback", 4], key: "emptyClause" }], ["1"])).toEqual([
      { field: "c:4", key: "emptyClause" },
    ]);
  });

  it("maps an issue about feedback as a whole to feedback, and anything else to form", () => {
    expect(issuesToFieldErrors([{ path: ["feedback"], key: "nothingToSubmit" }], [])).toEqual([
      { field: "feedback", key: "nothingToSubmit" },
    ]);
    expect(issuesToFieldErrors([{ path: [], key: "unknownField" }], [])).toEqual([
      { field: "form", key: "unknownField" },
    ]);
    expect(issuesToFieldErrors([{ path: ["idempotencyKey"], key: "idempotencyKeyInvalid" }], [])).toEqual([
      { field: "form", key: "idempotencyKeyInvalid" },
    ]);
  });

  it("gives one error per field: the first", () => {
    const issues: TIssue[] = [
      { path: ["feedback", 0, "language", "term"], key: "tooLong", max: 200 },
      { path: ["feedback", 0, "language", "term"], key: "termRequired" },
      { path: ["respondent", "name"], key: "tooLong", max: 200 },
      { path: ["respondent", "name"], key: "nameRequiredToPublish" },
      { path: ["feedback", 0], key: "emptyClause" },
      { path: ["feedback", 0, "clause"], key: "duplicateClause" },
    ];
    expect(issuesToFieldErrors(issues, ["7"])).toEqual([
      { field: "c:7", key: "emptyClause" },
      { field: "c:7:language:term", key: "tooLong", max: 200 },
      { field: "name", key: "tooLong", max: 200 },
    ]);
  });

  it("lists errors in the order of the form", () => {
    const issues: TIssue[] = [
      { path: ["respondent", "privacyConsent"], key: "consentRequired" },
      { path: ["respondent", "type"], key: "respondentTypeRequired" },
      { path: ["generalComment"], key: "tooLong", max: 5000 },
      { path: ["feedback", 1, "feasibility", "rating"], key: "ratingRange" },
      { path: ["feedback", 1, "clarity", "comment"], key: "tooLong", max: 5000 },
      { path: ["feedback", 0, "language", "reason"], key: "tooLong", max: 5000 },
      { path: ["feedback", 0, "language", "term"], key: "termRequired" },
      { path: ["feedback", 1], key: "emptyClause" },
      { path: ["feedback"], key: "tooManyClauses", max: 100 },
      { path: [], key: "unknownField" },
    ];
    expect(issuesToFieldErrors(issues, ["2", "1"]).map((e) => e.field)).toEqual([
      "form",
      "feedback",
      "c:2:language:term",
      "c:2:language:reason",
      "c:1",
      "c:1:clarity:comment",
      "c:1:feasibility:rating",
      "generalComment",
      "type",
      "privacyConsent",
    ]);
  });
});

describe("field ids and error links", () => {
  it("names clause fields", () => {
    expect(clauseFieldName("1.2", "clarity", "rating")).toBe("c:1.2:clarity:rating");
  });

  it("makes ids without dots or colons", () => {
    const id = fieldId(clauseFieldName("1.2.3", "feasibility", "countryContext"));
    expect(id).toBe("f-c-1-2-3-feasibility-countryContext");
    expect(id).not.toMatch(/[.:]/);
    expect(clauseGroupId("4.5")).toBe("f-c-4-5");
    expect(clauseGroupId("4.5")).not.toMatch(/[.:]/);
    expect(fieldId("email")).toBe("f-email");
  });

  it("adds an option to the id", () => {
    expect(fieldId("publication", "named")).toBe("f-publication--named");
    expect(fieldId("c:1.1:clarity:rating", "3")).toBe("f-c-1-1-clarity-rating--3");
  });

  it("points radio groups at their first option", () => {
    expect(errorHref("type")).toBe("#f-type--individual");
    expect(errorHref("publicSector")).toBe("#f-publicSector--yes");
    expect(errorHref("publication")).toBe("#f-publication--none");
  });

  it("points ratings at their 'none' option", () => {
    expect(errorHref("c:1.1:clarity:rating")).toBe("#f-c-1-1-clarity-rating--none");
    expect(errorHref("c:2:feasibility:rating")).toBe("#f-c-2-feasibility-rating--none");
  });

  it("points other fields at their own id and clause issues at the clause group", () => {
    expect(errorHref("country")).toBe("#f-country");
    expect(errorHref("generalComment")).toBe("#f-generalComment");
    expect(errorHref("c:1.1:language:term")).toBe("#f-c-1-1-language-term");
    expect(errorHref("c:1.1")).toBe(`#${clauseGroupId("1.1")}`);
  });

  it("points feedback and form errors at the feedback section", () => {
    expect(errorHref("feedback")).toBe("#feedback");
    expect(errorHref("form")).toBe("#feedback");
  });
});
