// The consultation workbook (XLSX) for moderators to hand to a committee: the overview's figures, every item in the
// queue's filter with its triage (streamed from the same cursor as the CSV export: lib/http/export-stream.ts),
// the terminology people flagged, and the response matrix (items per clause and aspect, average ratings).
import type { PassThrough, Writable } from "node:stream";
import { clauseLabel } from "@/lib/consultations/clause-label";
import type { TConsultation } from "@/lib/consultations/get-consultation";
import { countryName } from "@/lib/countries/list-countries";
import { EXPORT_COLUMNS, feedbackExportQuery } from "@/lib/feedback/export-feedback";
import { loadOverview } from "@/lib/feedback/overview";
import type { TQueueFilter } from "@/lib/feedback/queue-filter";
import { streamQueryThrough, type TExportSlot } from "@/lib/http/export-stream";
import type { TLocale } from "@/lib/i18n/routing";
import { translator } from "@/lib/i18n/translator";
import { xlsxEncoder, type TSheet } from "./xlsx-encoder";

const MATRIX_ASPECTS = ["clarity", "language", "feasibility", "general", "position"] as const;

/** What the workbook needs of a consultation. */
export type TWorkbookConsultation = Pick<TConsultation, "id" | "referencePrefix" | "title" | "timeZone" | "clauses">;

/** The small sheets, from the overview's aggregates, queried on the export's own connection. */
async function summarySheets(slot: TExportSlot, c: TWorkbookConsultation, locale: TLocale, generatedAt: Date) {
  const t = translator(locale, "reports");
  const tr = translator(locale, "respond");
  const tc = translator(locale, "consultation");
  const o = await loadOverview(c.id, c.timeZone, async (sql) => (await slot.client.query(sql.text, sql.values)).rows);
  const responses = o.byType.reduce((sum, x) => sum + x.n, 0);
  const items = o.byClauseAspect.reduce((sum, x) => sum + x.n, 0);
  const overview: TSheet = {
    name: t("sheetOverview"),
    header: [t("figure"), t("value")],
    widths: [40, 60],
    rows: [
      [t("consultation"), c.title[locale]],
      [t("reference"), c.referencePrefix],
      [t("generatedAt"), generatedAt.toISOString()],
      [t("responses"), responses],
      [t("items"), items],
      ...o.byType.map((x) => [t("byType", { value: tr(`type_${x.key}` as "type_individual") }), x.n]),
      ...o.byCountry.map((x) => [t("byCountry", { value: countryName(x.key, locale) }), x.n]),
      ...o.byDay.map((x) => [t("byDay", { value: x.day }), x.n]),
    ] as TSheet["rows"],
  };
  const terminology: TSheet = {
    name: t("sheetTerminology"),
    header: [t("term"), t("proposed"), t("times")],
    widths: [40, 60, 10],
    rows: o.terms.map((x) => [x.term, x.proposed, x.n]),
  };
  const cell = (clauseId: string | null, aspect: string) =>
    o.byClauseAspect.find((x) => x.clause_id === clauseId && x.aspect === aspect);
  const matrix: TSheet = {
    name: t("sheetMatrix"),
    header: [t("clause"), ...MATRIX_ASPECTS.map((a) => t(`aspect_${a}`)), t("avgClarity"), t("avgFeasibility")],
    widths: [40],
    rows: [
      ...c.clauses.map((k) => [
        clauseLabel(k, tc),
        ...MATRIX_ASPECTS.map((a) => cell(k.id, a)?.n ?? 0),
        cell(k.id, "clarity")?.avg_rating ?? null,
        cell(k.id, "feasibility")?.avg_rating ?? null,
      ]),
      [t("wholeDraft"), ...MATRIX_ASPECTS.map((a) => cell(null, a)?.n ?? 0), null, null],
    ],
  };
  return { overview, terminology, matrix, itemsSheet: { name: t("sheetItems"), header: [...EXPORT_COLUMNS] } };
}

/** The workbook on a claimed slot (the route claims it per account): the stream and the promise of its item count. */
export async function openConsultationWorkbook<T extends Writable = PassThrough>(
  slot: TExportSlot,
  c: TWorkbookConsultation,
  filter: TQueueFilter,
  locale: TLocale,
  generatedAt: Date,
  out?: T,
): Promise<{ stream: T; done: Promise<number> }> {
  const s = await summarySheets(slot, c, locale, generatedAt);
  const encode = xlsxEncoder({
    before: [s.overview],
    streamed: { ...s.itemsSheet, widths: EXPORT_COLUMNS.map((k) => (k === "comment" ? 80 : 18)) },
    after: () => [s.terminology, s.matrix],
  });
  return streamQueryThrough(slot, feedbackExportQuery(c.id, filter), { columns: EXPORT_COLUMNS, encode, out });
}
