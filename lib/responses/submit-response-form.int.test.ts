import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, uniqueSlug } from "@/test/db-fixtures";
import { submitResponseForm } from "./submit-response-form";

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

const about = { type: "individual", country: "CA", publicSector: "no", publication: "none", privacyConsent: "yes" };

describe("the response form's path (FormData → schema → database)", () => {
  it("returns field errors and keeps every value when the form has errors", async () => {
    const c = await createConsultation();
    const fields = { slug: c.slug, locale: "fr", idempotencyKey: "form-key-0000001", "c:1.1:language:term": "signaux faibles", ...about, type: "group", privacyConsent: "" };
    const out = await submitResponseForm(form(fields), uniqueSlug("ip"), 3);
    if (!("state" in out)) throw new Error("expected a state");
    expect(out.state.status).toBe("invalid");
    expect(out.state.nonce).toBe(4);
    expect(out.state.errors.map((e) => [e.name, e.key])).toEqual([
      ["c:1.1:language:proposedWording", "wordingOrReasonRequired"],
      ["organisationName", "organisationNameRequired"],
      ["privacyConsent", "consentRequired"],
    ]);
    expect(out.state.values["c:1.1:language:term"]).toBe("signaux faibles");
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("stores a valid form and sends the person to their receipt, in their language", async () => {
    const c = await createConsultation();
    const out = await submitResponseForm(
      form({ slug: c.slug, locale: "fr", idempotencyKey: "form-key-0000002", "c:1.1:clarity:rating": "4", "c:1:feasibility:comment": "Faisable", ...about }),
      uniqueSlug("ip"),
      0,
    );
    if (!("redirectTo" in out)) throw new Error(`expected a redirect, got ${JSON.stringify(out)}`);
    expect(out.redirectTo).toMatch(new RegExp(`^/fr/c/${c.slug}/receipt/TEST-\\d{4}-\\d{6,}\\?key=[A-Za-z0-9_-]{32}$`));
    const stored = await db.response.findFirstOrThrow({ where: { consultationId: c.id }, include: { feedbackItems: true } });
    expect(stored.locale).toBe("fr");
    expect(stored.feedbackItems).toHaveLength(2);
  });

  it("says the consultation is closed, keeping the text, when posted after the deadline", async () => {
    const c = await createConsultation({ opensAt: new Date(Date.now() - 7_200_000), closesAt: new Date(Date.now() - 1) });
    const out = await submitResponseForm(form({ slug: c.slug, locale: "en", generalComment: "Kept for copying", ...about }), uniqueSlug("ip"), 0);
    if (!("state" in out)) throw new Error("expected a state");
    expect(out.state).toMatchObject({ status: "closed", at: c.closesAt.toISOString(), values: { generalComment: "Kept for copying" } });
  });

  it("stores nothing when the field hidden from people (the honeypot) is filled", async () => {
    const c = await createConsultation();
    const out = await submitResponseForm(form({ slug: c.slug, locale: "en", idempotencyKey: "form-key-0000099", "c:1.1:clarity:rating": "4", ...about, website: "http://spam.example" }), uniqueSlug("ip"), 0);
    expect("state" in out && out.state.status).toBe("error");
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(0);
  });
});
