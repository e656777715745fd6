import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getConsultationFresh } from "@/lib/consultations/get-consultation";
import { staff, uniqueSlug } from "@/test/db-fixtures";
import { checkDraft } from "./check-draft";
import { createConsultation } from "./create-consultation";
import { getConsultationValues } from "./get-consultation-values";
import { updateConsultation } from "./update-consultation";
import { ZConsultationEdit, ZConsultationForm, formLabels } from "./schema";

const fixture = (lang: "en" | "fr") => readFileSync(`test/fixtures/recommendations-${lang}.md`, "utf8");

function form(slug: string, over: Record<string, string> = {}) {
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 16);
  return {
    slug,
    referencePrefix: "REC",
    titleEn: "Recommendation on innovation",
    titleFr: "Recommandation sur l’innovation",
    summaryEn: "S",
    summaryFr: "S",
    askedForEn: "A",
    askedForFr: "A",
    audienceEn: "All",
    audienceFr: "Tous",
    privacyEn: "",
    privacyFr: "",
    opensAt: day(-1),
    closesAt: day(10),
    timeZone: "UTC",
    markdownEn: fixture("en"),
    markdownFr: fixture("fr"),
    sectionLabelEn: "Recommendation",
    sectionLabelFr: "Recommandation",
    itemLabelEn: "Article",
    itemLabelFr: "Article",
    ...over,
  };
}

describe("a consultation's labels for its draft's parts", () => {
  it("are saved with it, read the Markdown of recommendations, and come back on the form and with the consultation", async () => {
    const admin = await staff("admin");
    const slug = uniqueSlug("rec");
    const f = ZConsultationForm.parse(form(slug));
    const check = checkDraft(f.markdownEn, f.markdownFr, formLabels(f));
    expect(check.clauses).toHaveLength(8);
    expect(await createConsultation(admin.id, f, check.clauses)).toMatchObject({ ok: true });
    const c = await getConsultationFresh(slug);
    expect(c?.labels).toEqual({
      section: { en: "Recommendation", fr: "Recommandation" },
      item: { en: "Article", fr: "Article" },
    });
    expect(c?.clauses.map((k) => [k.key, k.kind, k.heading.en])).toEqual([
      ["preamble", "preamble", null],
      ["1", "principle", "Build an open culture"],
      ["1.1", "action", null],
      ["1.2", "action", null],
      ["2", "principle", "Invest in people"],
      ["2.1", "action", null],
      ["2.2", "action", null],
      ["2.3", "action", null],
    ]);
    expect((await getConsultationValues(slug))?.values).toMatchObject({
      sectionLabelEn: "Recommendation",
      itemLabelFr: "Article",
    });

    // Emptied on the edit form: the default words again.
    const { values } = (await getConsultationValues(slug))!;
    const edit = ZConsultationEdit.parse({
      ...values,
      sectionLabelEn: "",
      sectionLabelFr: "  ",
      itemLabelEn: "Measure",
    });
    expect(await updateConsultation(admin.id, slug, edit)).toEqual({ ok: true });
    const row = await db.consultation.findUniqueOrThrow({ where: { slug } });
    expect([row.sectionLabelEn, row.sectionLabelFr, row.itemLabelEn, row.itemLabelFr]).toEqual([
      null,
      null,
      "Measure",
      "Article",
    ]);
  });

  it("refuse a label with a number or too long, with a message on that field", () => {
    const r = ZConsultationForm.safeParse(
      form(uniqueSlug("rec"), { sectionLabelEn: "Recommendation 1", itemLabelFr: "x".repeat(41) }),
    );
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message]).sort()).toEqual([
      ["itemLabelFr", "tooLong"],
      ["sectionLabelEn", "labelInvalid"],
    ]);
  });
});
