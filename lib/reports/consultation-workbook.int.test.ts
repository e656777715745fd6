import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { moderationExport } from "@/lib/feedback/moderation-export";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { createConsultation, respondent, staff } from "@/test/db-fixtures";

async function download(user: Awaited<ReturnType<typeof staff>>, slug: string, query: string) {
  const res = await moderationExport(
    user,
    new Request(`http://localhost/api/moderate/consultations/${slug}/export?${query}`),
    slug,
  );
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

describe("the consultation workbook (XLSX)", () => {
  it("has the overview, items with triage, terminology and matrix sheets, read back with exceljs; formulas stay text", async () => {
    const c = await createConsultation();
    const stored = await submitResponse(
      c.slug,
      ZResponseInput.parse({
        feedback: [
          {
            clause: "1.1",
            clarity: { rating: 2, comment: '=HYPERLINK("http://evil.example","click")' },
            language: { term: "+procurement", proposedWording: "public purchasing", reason: "@why" },
          },
        ],
        generalComment: "Procurement rules are unclear.",
        respondent: { ...respondent, type: "organisation", organisationName: "=Org", country: "NL" },
      }),
      { locale: "en", channel: "web" },
    );
    if (!stored.ok) throw new Error("expected stored");
    const moderator = await staff("moderator");

    const { res, body } = await download(moderator, c.slug, "format=xlsx&lang=fr");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="t-[0-9a-f]+-workbook-.*\.xlsx"$/);
    expect(res.headers.get("x-row-count")).toBe("3");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Vue d’ensemble",
      "Contributions",
      "Terminologie",
      "Matrice des réponses",
    ]);
    const [overview, items, terms, matrix] = wb.worksheets;
    const values = (ws: ExcelJS.Worksheet) =>
      ws
        .getSheetValues()
        .slice(1)
        .map((r) => (Array.isArray(r) ? r.slice(1) : []));

    expect(values(overview)).toContainEqual(["Réponses", 1]);
    expect(values(overview)).toContainEqual(["Contributions", 3]);
    expect(values(overview)).toContainEqual(["Référence", "TEST"]);

    const rows = values(items);
    const header = rows[0] as string[];
    expect(header.slice(0, 3)).toEqual(["reference", "submitted_at", "respondent_type"]);
    expect(rows).toHaveLength(4);
    const col = (name: string) => header.indexOf(name);
    const clarity = rows.find((r) => r[col("aspect")] === "clarity")!;
    expect(clarity[col("reference")]).toBe(stored.reference);
    expect(clarity[col("rating")]).toBe(2);
    expect(clarity[col("status")]).toBe("new");
    // Formula-safe: a comment starting with "=" is a text cell, never a formula.
    const cell = items.getRow(rows.indexOf(clarity) + 1).getCell(col("comment") + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('=HYPERLINK("http://evil.example","click")');
    const org = items.getRow(rows.indexOf(clarity) + 1).getCell(col("organisation") + 1);
    expect(org.type).toBe(ExcelJS.ValueType.String);
    expect(org.value).toBe("=Org");

    expect(values(terms)).toEqual([
      ["Mot ou expression", "Proposé à la place", "Fois"],
      ["+procurement", "public purchasing", 1],
    ]);
    const m = values(matrix);
    expect(m[0]).toEqual([
      "Clause",
      "Clarté",
      "Langue",
      "Faisabilité",
      "Commentaire général",
      "Position",
      "Clarté moyenne (1–5)",
      "Faisabilité moyenne (1–5)",
    ]);
    expect(m).toContainEqual(["Action 1.1", 1, 1, 0, 0, 0, 2]);
    expect(m[m.length - 1]).toEqual(["Le projet dans son ensemble", 0, 0, 0, 1, 0]);

    // Logged like the CSV export: who, which format, how many rows once it has ended.
    await expect
      .poll(async () =>
        db.exportEvent.findFirst({
          where: { userId: moderator.id, consultationId: c.id },
          select: { format: true, rowCount: true },
        }),
      )
      .toEqual({ format: "xlsx", rowCount: 3 });
  });

  it("follows the queue's filter and refuses the audit log as XLSX", async () => {
    const c = await createConsultation();
    await submitResponse(
      c.slug,
      ZResponseInput.parse({
        feedback: [{ clause: "1.1", clarity: { rating: 4, comment: "Clear." } }],
        generalComment: "General.",
        respondent,
      }),
      { locale: "en", channel: "web" },
    );
    const moderator = await staff("moderator");
    const { body } = await download(moderator, c.slug, "format=xlsx&aspect=clarity");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe("Overview");
    expect(wb.worksheets[1].rowCount).toBe(2);

    const audit = await download(moderator, c.slug, "format=xlsx&what=audit");
    expect(audit.res.status).toBe(400);
  });
});
