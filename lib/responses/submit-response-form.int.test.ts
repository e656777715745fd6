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
    const fields = {
      slug: c.slug,
      locale: "fr",
      idempotencyKey: "form-key-0000001",
      "c:1.1:language:term": "signaux faibles",
      ...about,
      type: "group",
      privacyConsent: "",
    };
    const out = await submitResponseForm(form(fields), uniqueSlug("ip"), 3);
    if (!("state" in out)) throw new Error("expected a state");
    expect(out.state.status).toBe("invalid");
    expect(out.state.nonce).toBe(4);
    expect(out.state.errors.map((e) => [e.field, e.key])).toEqual([
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
      form({
        slug: c.slug,
        locale: "fr",
        idempotencyKey: "form-key-0000002",
        "c:1.1:clarity:rating": "4",
        "c:1:feasibility:comment": "Faisable",
        ...about,
      }),
      uniqueSlug("ip"),
      0,
    );
    if (!("redirectTo" in out)) throw new Error(`expected a redirect, got ${JSON.stringify(out)}`);
    expect(out.redirectTo).toMatch(new RegExp(`^/fr/c/${c.slug}/receipt/TEST-\\d{4}-\\d{6,}\\?key=[A-Za-z0-9_-]{32}$`));
    const stored = await db.response.findFirstOrThrow({
      where: { consultationId: c.id },
      include: { feedbackItems: true },
    });
    expect(stored.locale).toBe("fr");
    expect(stored.feedbackItems).toHaveLength(2);
  });

  it("says the consultation is closed, keeping the text, when posted after the deadline", async () => {
    const c = await createConsultation({
      opensAt: new Date(Date.now() - 7_200_000),
      closesAt: new Date(Date.now() - 1),
    });
    const out = await submitResponseForm(
      form({ slug: c.slug, locale: "en", generalComment: "Kept for copying", ...about }),
      uniqueSlug("ip"),
      0,
    );
    if (!("state" in out)) throw new Error("expected a state");
    expect(out.state).toMatchObject({
      status: "closed",
      info: { at: c.closesAt.toISOString() },
      values: { generalComment: "Kept for copying" },
    });
  });

  it("says so when the page's key was already used with other answers, keeps every value, and a fresh key sends them as a new response", async () => {
    const c = await createConsultation();
    const key = "form-key-reused-0000001";
    const sent = {
      slug: c.slug,
      locale: "fr",
      idempotencyKey: key,
      "c:1.1:clarity:rating": "4",
      generalComment: "Premier envoi",
      ...about,
    };
    const first = await submitResponseForm(form(sent), uniqueSlug("ip"), 0);
    if (!("redirectTo" in first)) throw new Error(`expected a redirect, got ${JSON.stringify(first)}`);
    // Sent again unchanged (a double click, a retry): the same receipt.
    expect(await submitResponseForm(form(sent), uniqueSlug("ip"), 0)).toEqual(first);

    // Back to the form after the receipt, one answer changed, sent again.
    const changed = { ...sent, "c:1.1:clarity:rating": "2", "c:1:feasibility:comment": "Ajouté ensuite" };
    const out = await submitResponseForm(form(changed), uniqueSlug("ip"), 5);
    if (!("state" in out)) throw new Error(`expected a state, got ${JSON.stringify(out)}`);
    expect(out.state.status).toBe("invalid");
    expect(out.state.nonce).toBe(6);
    expect(out.state.errors).toEqual([{ field: "form", key: "idempotencyKeyReused" }]);
    const { idempotencyKey: fresh, ...kept } = out.state.values;
    expect({ ...kept, idempotencyKey: key }).toEqual(changed);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(fresh).not.toBe(key);
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(1);

    // The re-rendered form posts the fresh key: a new response, with the changed answers.
    const again = await submitResponseForm(form(out.state.values), uniqueSlug("ip"), 6);
    if (!("redirectTo" in again)) throw new Error(`expected a redirect, got ${JSON.stringify(again)}`);
    expect(again.redirectTo).not.toBe(first.redirectTo);
    const stored = await db.response.findMany({
      where: { consultationId: c.id },
      orderBy: { number: "asc" },
      include: { feedbackItems: { orderBy: { position: "asc" } } },
    });
    expect(stored.map((r) => r.idempotencyKey)).toEqual([key, fresh]);
    expect(stored[1].feedbackItems.map((i) => [i.aspect, i.rating, i.comment])).toEqual([
      ["clarity", 2, null],
      ["feasibility", null, "Ajouté ensuite"],
      ["general", null, "Premier envoi"],
    ]);
  });

  it("stores nothing when the field hidden from people (the honeypot) is filled", async () => {
    const c = await createConsultation();
    const out = await submitResponseForm(
      form({
        slug: c.slug,
        locale: "en",
        idempotencyKey: "form-key-000000099",
        "c:1.1:clarity:rating": "4",
        ...about,
        website: "http://spam.example",
      }),
      uniqueSlug("ip"),
      0,
    );
    expect("state" in out && out.state.status).toBe("error");
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("shows a clause's questions without JavaScript: the form comes back as posted, nothing checked or stored", async () => {
    const c = await createConsultation();
    const fields = {
      slug: c.slug,
      locale: "en",
      idempotencyKey: "form-key-000000100",
      "c:1.1:clarity:comment": "Typed first",
      openClauses: "1.1",
      addClause: "1",
      ...about,
      privacyConsent: "",
    };
    const out = await submitResponseForm(form(fields), uniqueSlug("ip"), 5);
    if (!("state" in out)) throw new Error("expected a state");
    expect(out.state).toMatchObject({ status: "added", errors: [], nonce: 6 });
    expect(out.state.values).toMatchObject({
      "c:1.1:clarity:comment": "Typed first",
      openClauses: "1.1",
      addClause: "1",
      type: "individual",
    });
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(0);
  });
});
