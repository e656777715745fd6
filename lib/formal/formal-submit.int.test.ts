import { afterEach, describe, expect, it } from "vitest";
import { deriveItems } from "@/lib/feedback/derive-items";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { listFeedback } from "@/lib/feedback/list-feedback";
import { countResponses } from "@/lib/consultations/count-responses";
import { createConsultation, delegate, respondent, staff, uniqueSlug } from "@/test/db-fixtures";
import { postResponse } from "@/lib/api/post-response";
import { getWorkspace } from "./get-workspace";
import { saveDraft } from "./save-draft";
import { formalKey, submitFormal } from "./submit-formal";
import { reopenFormal } from "./reopen-formal";
import { ZFormalDraft } from "./schema";

afterEach(() => setNow(null));

async function drafted(country = "FR") {
  const c = await createConsultation();
  const consultation = (await getConsultation(c.slug))!;
  const drafter = await delegate(country, "drafter");
  const approver = await delegate(country, "approver", "Approver One");
  const saved = await saveDraft(
    drafter,
    consultation,
    ZFormalDraft.parse({
      version: "1",
      statement: "France supports the declaration.",
      positions: {
        "1": { stance: "support", clarity: "Clear enough" },
        "1.1": {
          stance: "support_with_amendments",
          amendment: "Replace civil servant by public servant",
          term: "civil servant",
          wording: "public servant",
          feasibility: "Needs a law",
        },
      },
    }),
  );
  if (!saved.ok) throw new Error("save failed");
  return { consultation, drafter, approver, version: saved.version };
}

describe("submitting the official response", () => {
  it("is for approvers only; it records the sign-off, locks the draft and writes official feedback items", async () => {
    const { consultation, drafter, approver, version } = await drafted();
    expect(await submitFormal(drafter, consultation, version, "en")).toEqual({ ok: false, reason: "forbidden" });
    expect(await submitFormal(await staff("admin"), consultation, version, "en")).toEqual({
      ok: false,
      reason: "forbidden",
    });
    const r = await submitFormal(approver, consultation, version, "en");
    expect(r).toMatchObject({ ok: true, reference: expect.stringMatching(/^TEST-\d{4}-\d{6,}$/) });
    const ws = await getWorkspace(consultation.id, "FR");
    expect(ws).toMatchObject({ status: "submitted", submittedById: approver.id, submittedByName: "Approver One" });
    expect(ws.official?.reference).toBe(r.ok && r.reference);
    expect(ws.events[0]).toMatchObject({ kind: "submitted", actor: { name: "Approver One" } });
    // Locked: no more saves, no second submission.
    expect(
      await saveDraft(
        drafter,
        consultation,
        ZFormalDraft.parse({ version: String(ws.version), statement: "x", positions: {} }),
      ),
    ).toEqual({ ok: false, reason: "locked" });
    expect(await submitFormal(approver, consultation, ws.version, "en")).toEqual({ ok: false, reason: "locked" });

    const response = await db.response.findFirstOrThrow({
      where: { formalResponseId: ws.id },
      include: { feedbackItems: { orderBy: { position: "asc" } } },
    });
    expect(response).toMatchObject({
      channel: "formal",
      respondentType: "national_government",
      country: "FR",
      organisationName: "France",
      respondentName: "Approver One",
      publication: "named",
    });
    expect(response.feedbackItems.map((i) => [i.aspect, i.stance, i.comment, i.term, i.proposedWording])).toEqual([
      ["position", "support", null, null, null],
      ["clarity", null, "Clear enough", null, null],
      ["position", "support_with_amendments", null, null, "Replace civil servant by public servant"],
      ["language", null, null, "civil servant", "public servant"],
      ["feasibility", null, "Needs a law", null, null],
      ["general", null, "France supports the declaration.", null, null],
    ]);
    const official = await listFeedback(consultation.id, { official: "1" });
    expect(official.items).toHaveLength(6);
    expect(official.items.every((i) => i.channel === "formal")).toBe(true);
  });

  it("writes the official items as every other response's: each in its own language, with the clause's text version", async () => {
    const { consultation, approver, version } = await drafted();
    const r = await submitFormal(approver, consultation, version, "fr");
    if (!r.ok) throw new Error("not submitted");
    // Derived in the background (lib/feedback/derive-items.ts), as the job does within a minute.
    await deriveItems();
    const rows = await db.$queryRaw<{ aspect: string; language: string | null; current: boolean; indexed: boolean }[]>`
      SELECT fi.aspect::text, fi.language, fi.clause_version IS NOT DISTINCT FROM cl.text_version AS current,
        fi.search = to_tsvector(CASE fi.language WHEN 'fr' THEN 'french' ELSE 'english' END::regconfig,
          concat_ws(' ', fi.comment, fi.term, fi.proposed_wording) || '   ') AS indexed
      FROM feedback_item fi JOIN response re ON re.id = fi.response_id LEFT JOIN clause cl ON cl.id = fi.clause_id
      WHERE re.reference = ${r.reference} AND fi.aspect IN ('clarity', 'general') ORDER BY fi.position`;
    // Sent from the French page, but written in English: "Clear enough" has no common word of either language, so it takes
    // the response's language, found from all its texts.
    expect(rows).toEqual([
      { aspect: "clarity", language: "en", current: true, indexed: true },
      { aspect: "general", language: "en", current: true, indexed: true },
    ]);
  });

  it("lets exactly one of two approvers submitting at the same moment through", async () => {
    const { consultation, version } = await drafted();
    const [a, b] = [await delegate("FR", "approver"), await delegate("FR", "approver")];
    const results = await Promise.all([
      submitFormal(a, consultation, version, "en"),
      submitFormal(b, consultation, version, "fr"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(1);
    expect(await db.response.count({ where: { consultationId: consultation.id, channel: "formal" } })).toBe(1);
  });

  it("refuses a submission of an older version than the approver saw, and an empty draft", async () => {
    const { consultation, approver, version } = await drafted();
    expect(await submitFormal(approver, consultation, version - 1, "en")).toEqual({ ok: false, reason: "stale" });
    const other = await drafted("DE");
    const de = await getWorkspace(other.consultation.id, "IT");
    expect(await submitFormal(await delegate("IT", "approver"), other.consultation, de.version, "en")).toMatchObject({
      ok: false,
      reason: "incomplete",
      issues: [{ key: "nothingToSubmit" }],
    });
  });

  it("refuses after the deadline", async () => {
    const { consultation, approver, version } = await drafted();
    setNow(new Date(consultation.closesAt.getTime() + 1));
    expect(await submitFormal(approver, consultation, version, "en")).toEqual({ ok: false, reason: "closed" });
  });

  it("can be reopened by a moderator with a reason; the resubmission supersedes the first, and only one counts", async () => {
    const { consultation, drafter, approver, version } = await drafted();
    const first = await submitFormal(approver, consultation, version, "en");
    const mod = await staff("moderator");
    const ws = await getWorkspace(consultation.id, "FR");
    expect(await reopenFormal(mod.id, ws.id, "   ")).toEqual({ ok: false, reason: "reasonRequired" });
    expect(await reopenFormal(mod.id, ws.id, "The amendment to 1.1 is cut off")).toEqual({ ok: true });
    expect(await reopenFormal(mod.id, ws.id, "twice")).toEqual({ ok: false, reason: "notSubmitted" });
    const reopened = await getWorkspace(consultation.id, "FR");
    expect(reopened).toMatchObject({
      status: "draft",
      submittedAt: null,
      lastReopen: { detail: "The amendment to 1.1 is cut off" },
    });
    // Until resubmitted, the first official response stays in the queue.
    expect((await listFeedback(consultation.id, { official: "1" })).items).toHaveLength(6);
    const saved = await saveDraft(
      drafter,
      consultation,
      ZFormalDraft.parse({
        version: String(reopened.version),
        statement: "Revised.",
        positions: { "1": { stance: "support" } },
      }),
    );
    const second = await submitFormal(approver, consultation, saved.ok ? saved.version : 0, "en");
    expect(second.ok && first.ok && second.reference !== first.reference).toBe(true);
    const official = await listFeedback(consultation.id, { official: "1" });
    expect(official.items.map((i) => i.reference)).toEqual([
      second.ok && second.reference,
      second.ok && second.reference,
    ]);
    const rows = await db.response.findMany({ where: { consultationId: consultation.id }, orderBy: { number: "asc" } });
    expect(rows.map((r) => r.withdrawnAt !== null)).toEqual([true, false]);
    expect(await countResponses(consultation.id)).toBe(1);
  });

  it("the database refuses a second live official response for a country", async () => {
    const { consultation, approver, version } = await drafted();
    await submitFormal(approver, consultation, version, "en");
    const existing = await db.response.findFirstOrThrow({ where: { consultationId: consultation.id } });
    const copy = {
      ...existing,
      id: undefined,
      number: undefined,
      reference: `${existing.reference}-X`,
      idempotencyKey: "another-key-1",
    };
    await expect(db.response.create({ data: copy })).rejects.toThrow(/response_official_once_idx|Unique constraint/);
  });

  it("cannot be blocked by a public post that uses the key the submission would use", async () => {
    const { consultation, approver, version } = await drafted();
    const ws = await getWorkspace(consultation.id, "FR");
    // The key the submission used to be given: formal-<workspace id prefix>-v<version>, which the public schema accepted.
    const guessed = `formal-${ws.id.slice(0, 8)}-v${version}`;
    const request = new Request(`http://localhost/api/consultations/${consultation.slug}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": guessed },
      body: JSON.stringify({ generalComment: "Squatting the official key.", respondent }),
    });
    const posted = await postResponse(request, consultation.slug, uniqueSlug("client"));
    expect(posted.status).toBe(201);
    expect(await submitFormal(approver, consultation, version, "en")).toMatchObject({ ok: true });
    const official = await db.response.findFirstOrThrow({ where: { formalResponseId: ws.id } });
    // Formal keys are random and outside the public alphabet ([A-Za-z0-9_-]), so no public post can take one.
    expect(official.idempotencyKey).toMatch(/^formal:[0-9a-f-]{36}$/);
    // And the database keeps such keys for formal responses.
    await expect(
      db.response.create({
        data: {
          ...official,
          id: undefined,
          number: undefined,
          reference: `${official.reference}-API`,
          channel: "api",
          formalResponseId: null,
          idempotencyKey: "formal:00000000-0000-4000-8000-000000000000",
        },
      }),
    ).rejects.toThrow(/response_idempotency_key_check|constraint/i);
  });

  it('is locked only by another live official response for the country; any other database error is not "locked"', async () => {
    const { consultation, approver, version } = await drafted();
    // Another error in the statement (a name longer than the column): thrown, not mistaken for "locked", and nothing is kept.
    await expect(submitFormal({ ...approver, name: "A".repeat(250) }, consultation, version, "en")).rejects.toThrow();
    expect(await getWorkspace(consultation.id, "FR")).toMatchObject({ status: "draft", version });
    // A live official response for France already there (the partial unique index's case): locked.
    const other = await getWorkspace(consultation.id, "DE");
    await db.$executeRaw`INSERT INTO response (consultation_id, number, reference, idempotency_key, submitted_at, locale, channel, respondent_type,
        country, organisation_name, public_sector, publication, privacy_consent_at, formal_response_id)
      VALUES (${consultation.id}::uuid, nextval(pg_get_serial_sequence('response', 'number')), ${`TEST-X-${other.id.slice(0, 8)}`}, ${formalKey()}, now(), 'en',
        'formal', 'national_government', 'FR', 'France', true, 'none', now(), ${other.id}::uuid)`;
    expect(await submitFormal(approver, consultation, version, "en")).toEqual({ ok: false, reason: "locked" });
    expect(await getWorkspace(consultation.id, "FR")).toMatchObject({ status: "draft" });
  });
});
