import { describe, it, expect } from "vitest";
import { readResponseForm } from "./form-data";
import { ZResponseInput } from "./schema";
import { FORM_KEY_PLACEHOLDER } from "@/lib/http/page-render.mjs";

function form(entries: [string, string | Blob, string?][]): FormData {
  const fd = new FormData();
  for (const [name, value, filename] of entries) {
    if (typeof value === "string") fd.append(name, value);
    else fd.append(name, value, filename);
  }
  return fd;
}

type TInput = {
  feedback: Record<string, unknown>[];
  respondent: Record<string, unknown>;
  generalComment?: string;
  idempotencyKey?: string;
};
const inputOf = (fd: FormData) => readResponseForm(fd).input as TInput;

describe("readResponseForm: clause fields", () => {
  it("turns a rating into a number", () => {
    const { input, feedbackClauses } = readResponseForm(form([["c:1.1:clarity:rating", "3"]]));
    expect((input as TInput).feedback).toEqual([{ clause: "1.1", clarity: { rating: 3 } }]);
    expect(feedbackClauses).toEqual(["1.1"]);
  });

  it("trims a rating before reading it, and leaves a non-number rating as text for the schema to refuse", () => {
    expect(inputOf(form([["c:2:feasibility:rating", " 4 "]])).feedback).toEqual([
      { clause: "2", feasibility: { rating: 4 } },
    ]);
    expect(inputOf(form([["c:2:feasibility:rating", "2.5"]])).feedback).toEqual([
      { clause: "2", feasibility: { rating: "2.5" } },
    ]);
    expect(inputOf(form([["c:2:feasibility:rating", "abc"]])).feedback).toEqual([
      { clause: "2", feasibility: { rating: "abc" } },
    ]);
    expect(inputOf(form([["c:2:feasibility:rating", "123"]])).feedback).toEqual([
      { clause: "2", feasibility: { rating: "123" } },
    ]);
  });

  it("drops empty and blank clause fields", () => {
    const { input, feedbackClauses } = readResponseForm(
      form([
        ["c:1:clarity:rating", ""],
        ["c:1:clarity:comment", "   "],
        ["c:2:language:term", ""],
        ["c:3:clarity:comment", "kept"],
      ]),
    );
    expect((input as TInput).feedback).toEqual([{ clause: "3", clarity: { comment: "kept" } }]);
    expect(feedbackClauses).toEqual(["3"]);
  });

  it("keeps the text of a clause field as typed (the schema trims)", () => {
    expect(inputOf(form([["c:1:clarity:comment", "  spaced  "]])).feedback).toEqual([
      { clause: "1", clarity: { comment: "  spaced  " } },
    ]);
  });

  it("ignores unknown aspects, unknown fields and malformed names", () => {
    const input = inputOf(
      form([
        ["c:1:tone:rating", "3"],
        ["c:1:clarity:colour", "red"],
        ["c:1:language:rating", "3"],
        ["c:1:clarity:rating:extra", "3"],
        ["c:1:clarity:__proto__", "x"],
        ["c::clarity:rating", "3"],
        [`c:${"k".repeat(65)}:clarity:rating`, "3"],
        ["x:1:clarity:rating", "3"],
        ["c:1:clarity", "3"],
        ["unrelated", "value"],
      ]),
    );
    expect(input.feedback).toEqual([]);
    expect(input.respondent).toEqual({});
    expect(Object.keys(input).sort()).toEqual(["feedback", "respondent"]);
  });

  it("groups fields per clause and keeps the clauses in form order", () => {
    const { input, feedbackClauses } = readResponseForm(
      form([
        ["c:2.1:clarity:rating", "5"],
        ["c:1.1:language:term", "shall"],
        ["c:2.1:feasibility:comment", "hard"],
        ["c:1.1:language:reason", "vague"],
        ["c:10:clarity:comment", "c"],
      ]),
    );
    expect(feedbackClauses).toEqual(["2.1", "1.1", "10"]);
    expect((input as TInput).feedback).toEqual([
      { clause: "2.1", clarity: { rating: 5 }, feasibility: { comment: "hard" } },
      { clause: "1.1", language: { term: "shall", reason: "vague" } },
      { clause: "10", clarity: { comment: "c" } },
    ]);
  });
});

describe("readResponseForm: respondent and other fields", () => {
  it("reads yes/no radios as booleans", () => {
    expect(inputOf(form([["publicSector", "yes"]])).respondent).toEqual({ publicSector: true });
    expect(inputOf(form([["publicSector", "no"]])).respondent).toEqual({ publicSector: false });
    expect(inputOf(form([["publicSector", "maybe"]])).respondent).toEqual({ publicSector: "maybe" });
    expect(inputOf(form([["privacyConsent", "yes"]])).respondent).toEqual({ privacyConsent: true });
    expect(inputOf(form([["privacyConsent", "on"]])).respondent).toEqual({ privacyConsent: false });
  });

  it("drops empty respondent fields and keeps the others as text", () => {
    const input = inputOf(
      form([
        ["type", "organisation"],
        ["country", "BE"],
        ["organisationName", ""],
        ["name", "Ann"],
        ["email", ""],
        ["publication", "anonymous"],
        ["publicSector", ""],
        ["privacyConsent", ""],
      ]),
    );
    expect(input.respondent).toEqual({ type: "organisation", country: "BE", name: "Ann", publication: "anonymous" });
  });

  it("keeps a general comment and an idempotency key, and omits them when empty", () => {
    expect(
      inputOf(
        form([
          ["generalComment", "Hello"],
          ["idempotencyKey", "key-0123456789abcdef"],
        ]),
      ),
    ).toEqual({
      idempotencyKey: "key-0123456789abcdef",
      feedback: [],
      generalComment: "Hello",
      respondent: {},
    });
    const empty = inputOf(
      form([
        ["generalComment", ""],
        ["idempotencyKey", ""],
      ]),
    );
    expect("generalComment" in empty).toBe(false);
    expect("idempotencyKey" in empty).toBe(false);
  });

  it("never takes the cached page's placeholder for a key: two posts of it get two fresh keys", () => {
    const post = () => readResponseForm(form([["idempotencyKey", FORM_KEY_PLACEHOLDER]]));
    const [a, b] = [post(), post()];
    for (const r of [a, b]) {
      expect(r.values.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(r.values.idempotencyKey).not.toBe(FORM_KEY_PLACEHOLDER);
      expect((r.input as { idempotencyKey?: string }).idempotencyKey).toBe(r.values.idempotencyKey);
    }
    expect(a.values.idempotencyKey).not.toBe(b.values.idempotencyKey);
  });

  it("skips Next.js $ACTION fields", () => {
    const { values, input } = readResponseForm(
      form([
        ["$ACTION_ID_abc123", ""],
        ["$ACTION_REF_1", "x"],
        ["$ACTION_1:0", '{"id":"abc"}'],
        ["generalComment", "c"],
      ]),
    );
    expect(values).toEqual({ generalComment: "c" });
    expect(input).toEqual({ feedback: [], generalComment: "c", respondent: {} });
  });

  it("ignores File values", () => {
    const file = new Blob(["3"], { type: "text/plain" });
    const { values, input } = readResponseForm(
      form([
        ["c:1:clarity:rating", file, "rating.txt"],
        ["generalComment", file, "comment.txt"],
        ["country", file, "c.txt"],
        ["upload", file, "u.txt"],
      ]),
    );
    expect(values).toEqual({});
    expect(input).toEqual({ feedback: [], respondent: {} });
  });

  it("keeps the raw text of every field in values, empty ones included", () => {
    const raw: [string, string][] = [
      ["c:1:clarity:rating", " 3 "],
      ["c:1:clarity:comment", "  line one\r\nline two  "],
      ["c:1:clarity:colour", "red"],
      ["generalComment", "   "],
      ["email", " Someone@Example.com "],
      ["publicSector", "no"],
      ["name", ""],
      ["note", "émoji 🎉 <b>&amp;</b>"],
    ];
    const { values } = readResponseForm(form(raw));
    expect(values).toEqual(Object.fromEntries(raw));
  });
});

describe("readResponseForm: round trip through ZResponseInput", () => {
  it("a realistic form parses", () => {
    const { input, feedbackClauses, values } = readResponseForm(
      form([
        ["$ACTION_ID_0123456789abcdef", ""],
        ["idempotencyKey", "6f1c2a9e-4b7d-4c1e-9a5b-1234567890ab"],
        ["c:1.1:clarity:rating", "4"],
        ["c:1.1:clarity:comment", " Mostly clear. "],
        ["c:1.1:language:term", ""],
        ["c:1.1:language:proposedWording", ""],
        ["c:1.1:language:reason", ""],
        ["c:1.1:feasibility:rating", ""],
        ["c:1.1:feasibility:countryContext", ""],
        ["c:1.1:feasibility:comment", ""],
        ["c:1.2:clarity:rating", ""],
        ["c:1.2:clarity:comment", ""],
        ["c:2:language:term", "shall"],
        ["c:2:language:proposedWording", "must"],
        ["c:2:feasibility:rating", "2"],
        ["c:2:feasibility:countryContext", "Small islands"],
        ["generalComment", "Thank you."],
        ["type", "local_government"],
        ["country", "FR"],
        ["organisationName", "Ville de Lyon"],
        ["name", ""],
        ["publicSector", "yes"],
        ["email", " contact@lyon.fr "],
        ["publication", "named"],
        ["privacyConsent", "yes"],
      ]),
    );
    expect(feedbackClauses).toEqual(["1.1", "2"]);
    expect(values["c:1.1:clarity:comment"]).toBe(" Mostly clear. ");
    const r = ZResponseInput.safeParse(input);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data).toEqual({
      idempotencyKey: "6f1c2a9e-4b7d-4c1e-9a5b-1234567890ab",
      feedback: [
        { clause: "1.1", clarity: { rating: 4, comment: "Mostly clear." } },
        {
          clause: "2",
          language: { term: "shall", proposedWording: "must" },
          feasibility: { rating: 2, countryContext: "Small islands" },
        },
      ],
      generalComment: "Thank you.",
      respondent: {
        type: "local_government",
        country: "FR",
        organisationName: "Ville de Lyon",
        publicSector: true,
        email: "contact@lyon.fr",
        publication: "named",
        privacyConsent: true,
      },
    });
  });

  it("an incomplete form fails with issues on the fields a person left out", () => {
    const { input } = readResponseForm(
      form([
        ["c:1:clarity:rating", "7"],
        ["type", "individual"],
        ["country", "FR"],
      ]),
    );
    const r = ZResponseInput.safeParse(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    const paths = r.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "feedback.0.clarity.rating",
        "respondent.publicSector",
        "respondent.publication",
        "respondent.privacyConsent",
      ]),
    );
  });
});
