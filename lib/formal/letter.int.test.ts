import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { exportFeedback } from "@/lib/feedback/export-feedback";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { createConsultation, delegate, staff } from "@/test/db-fixtures";
import { getWorkspace } from "./get-workspace";
import { getLetter, storeLetter } from "./letter";
import { saveDraft } from "./save-draft";
import { submitFormal } from "./submit-formal";
import { ZFormalDraft } from "./schema";

const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");

describe("the signed letter", () => {
  it("is stored with its SHA-256, replaced by a new upload, and served to the delegation and staff only until published", async () => {
    const c = await createConsultation();
    const consultation = (await getConsultation(c.slug))!;
    const drafter = await delegate("FR", "drafter");
    await getWorkspace(consultation.id, "FR");
    expect(await storeLetter(drafter, consultation.id, "letter.pdf", new TextEncoder().encode("not a pdf"))).toEqual({ ok: false, reason: "notPdf" });
    const stored = await storeLetter(drafter, consultation.id, "Signed letter.pdf", pdf);
    expect(stored).toEqual({ ok: true, sha256: createHash("sha256").update(pdf).digest("hex") });
    const ws = await getWorkspace(consultation.id, "FR");
    expect(ws.letter).toMatchObject({ fileName: "Signed-letter.pdf", size: pdf.length });
    expect(ws.events[0]).toMatchObject({ kind: "letter_uploaded" });

    expect(await getLetter(drafter, ws.id)).not.toBeNull();
    expect(await getLetter(await staff("moderator"), ws.id)).not.toBeNull();
    expect(await getLetter(await delegate("DE", "approver"), ws.id)).toBeNull();
    expect(await getLetter(null, ws.id)).toBeNull();
    expect(await getLetter(null, "not-a-uuid")).toBeNull();

    const approver = await delegate("FR", "approver");
    const saved = await saveDraft(drafter, consultation, ZFormalDraft.parse({ version: String(ws.version), statement: "Yes.", positions: {} }));
    expect(await submitFormal(approver, consultation, saved.ok ? saved.version : 0, "en")).toMatchObject({ ok: true });
    // Moderators export it as official, with the letter's link and hash.
    let csv = "";
    const rows = await exportFeedback(consultation.id, { official: "1" }, "csv", new Writable({ write(c, _e, done) { csv += c; done(); } }));
    expect(rows).toBe(1);
    expect(csv).toContain(`,true,,http://localhost:3000/api/formal/${ws.id}/letter,${stored.ok ? stored.sha256 : "?"}`);
    // Published with the response; locked like it.
    expect(await getLetter(null, ws.id)).not.toBeNull();
    expect(await storeLetter(drafter, consultation.id, "new.pdf", pdf)).toEqual({ ok: false, reason: "locked" });
    await db.consultation.update({ where: { id: consultation.id }, data: { publishFormal: false } });
    expect(await getLetter(null, ws.id)).toBeNull();
  });
});
