// A hidden draft (not yet published) cannot be answered by a delegation: the SQL that locks the
// workspace, writes the official response and stores the letter checks publication itself, so a
// consultation object handed in directly (or a stale cached copy) cannot get a response through.
import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { db } from "@/lib/db";
import { getConsultationFresh } from "@/lib/consultations/get-consultation";
import { createConsultation, delegate, staff } from "@/test/db-fixtures";
import { ZFormalDraft } from "./schema";
import { saveDraft } from "./save-draft";
import { submitFormal } from "./submit-formal";
import { getLetter, storeLetter } from "./letter";
import { getWorkspace } from "./get-workspace";

async function realPdf() {
  const doc = await PDFDocument.create();
  doc.addPage();
  return doc.save();
}

describe("a hidden draft consultation and the delegations", () => {
  it("saveDraft, submitFormal and storeLetter refuse it, even when handed the consultation directly, and store nothing", async () => {
    const c = await createConsultation({ draft: true });
    const consultation = (await getConsultationFresh(c.slug))!;
    expect(consultation.publishedAt).toBeNull();
    const drafter = await delegate("FR", "drafter");
    const approver = await delegate("FR", "approver");
    const draft = ZFormalDraft.parse({
      version: "1",
      statement: "We read the hidden draft.",
      positions: { "1": { stance: "support" } },
    });
    expect(await saveDraft(drafter, consultation, draft)).toEqual({ ok: false, reason: "forbidden" });
    expect(await submitFormal(approver, consultation, 1, "en")).toEqual({ ok: false, reason: "forbidden" });
    expect(await storeLetter(drafter, consultation.id, "letter.pdf", await realPdf())).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await db.formalResponse.count({ where: { consultationId: c.id } })).toBe(0);
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("its letter (stored before it was hidden) is not found to a delegate or a moderator; an admin may fetch it", async () => {
    const c = await createConsultation();
    const consultation = (await getConsultationFresh(c.slug))!;
    const drafter = await delegate("FR", "drafter");
    await getWorkspace(consultation.id, "FR");
    expect(await storeLetter(drafter, consultation.id, "letter.pdf", await realPdf())).toMatchObject({ ok: true });
    const ws = await getWorkspace(consultation.id, "FR");
    await db.consultation.update({ where: { id: c.id }, data: { publishedAt: null } });
    expect(await getLetter(drafter, ws.id)).toBeNull();
    expect(await getLetter(await staff("moderator"), ws.id)).toBeNull();
    expect(await getLetter(null, ws.id)).toBeNull();
    expect(await getLetter(await staff("admin"), ws.id)).not.toBeNull();
  });
});
