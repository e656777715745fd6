import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { exportFeedback } from "@/lib/feedback/export-feedback";
import { afterEach, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { createConsultation, delegate, staff } from "@/test/db-fixtures";
import { grantExtension } from "./grant-extension";
import { getWorkspace } from "./get-workspace";
import { getLetter, storeLetter } from "./letter";
import { saveDraft } from "./save-draft";
import { submitFormal } from "./submit-formal";
import { ZFormalDraft } from "./schema";

const pdf = await (async () => {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Signed.");
  return doc.save();
})();

afterEach(() => setNow(null));

describe("the signed letter", () => {
  it("is stored with its SHA-256, replaced by a new upload, and served to the delegation and staff only until published", async () => {
    const c = await createConsultation();
    const consultation = (await getConsultation(c.slug))!;
    const drafter = await delegate("FR", "drafter");
    await getWorkspace(consultation.id, "FR");
    expect(await storeLetter(drafter, consultation.id, "letter.pdf", new TextEncoder().encode("not a pdf"))).toEqual({
      ok: false,
      reason: "notPdf",
    });
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
    const saved = await saveDraft(
      drafter,
      consultation,
      ZFormalDraft.parse({ version: String(ws.version), statement: "Yes.", positions: {} }),
    );
    expect(await submitFormal(approver, consultation, saved.ok ? saved.version : 0, "en")).toMatchObject({ ok: true });
    // Moderators export it as official, with the letter's link and hash.
    let csv = "";
    const rows = await exportFeedback(
      consultation.id,
      { official: "1" },
      "csv",
      new Writable({
        write(c, _e, done) {
          csv += c;
          done();
        },
      }),
    );
    expect(rows).toBe(1);
    expect(csv).toContain(`,true,,http://localhost:3000/api/formal/${ws.id}/letter,${stored.ok ? stored.sha256 : "?"}`);
    // Published with the response; locked like it.
    expect(await getLetter(null, ws.id)).not.toBeNull();
    expect(await storeLetter(drafter, consultation.id, "new.pdf", pdf)).toEqual({ ok: false, reason: "locked" });
    await db.consultation.update({ where: { id: consultation.id }, data: { publishFormal: false } });
    expect(await getLetter(null, ws.id)).toBeNull();
  });

  it("is refused before the consultation opens and after the country's deadline, and nothing is stored; an extension counts", async () => {
    const c = await createConsultation({
      opensAt: new Date(Date.now() + 60_000),
      closesAt: new Date(Date.now() + 3_600_000),
    });
    const consultation = (await getConsultation(c.slug))!;
    const drafter = await delegate("FR", "drafter");
    const ws = await getWorkspace(consultation.id, "FR");
    expect(await storeLetter(drafter, consultation.id, "early.pdf", pdf)).toEqual({ ok: false, reason: "notOpen" });
    setNow(new Date(consultation.closesAt.getTime() + 1));
    expect(await storeLetter(drafter, consultation.id, "late.pdf", pdf)).toEqual({ ok: false, reason: "closed" });
    expect(await db.formalLetter.count({ where: { formalResponseId: ws.id } })).toBe(0);
    expect(await db.formalEvent.count({ where: { formalResponseId: ws.id } })).toBe(0);
    expect((await getWorkspace(consultation.id, "FR")).version).toBe(ws.version);
    // An admin grants France a later deadline: the letter is taken until then.
    setNow(null);
    const admin = await staff("admin");
    expect(
      await grantExtension(
        admin.id,
        consultation,
        "FR",
        new Date(consultation.closesAt.getTime() + 86_400_000),
        "Signature delayed",
      ),
    ).toEqual({ ok: true });
    setNow(new Date(consultation.closesAt.getTime() + 1));
    expect(await storeLetter(drafter, consultation.id, "late.pdf", pdf)).toMatchObject({ ok: true });
  });
});
