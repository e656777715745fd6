// The response matrix as CSV (formula cells neutralised), streamed on a claimed
// slot from the copy made at publication; the final text from the copy too.
import { streamQuery, type TExportSlot } from "@/lib/http/export-stream";
import type { TResultsCopy } from "./build-results";

export const RESULTS_COLUMNS = [
  "clause_number",
  "aspect",
  "rating",
  "stance",
  "comment",
  "proposed_wording",
  "published",
  "disposition",
  "disposition_reason",
  "official",
  "country",
  "final_text_en",
  "final_text_fr",
] as const;

const ROWS_SQL = `
  SELECT clause_id, clause_number, aspect, rating, stance, comment, proposed_wording, published, disposition, disposition_reason, official, country
  FROM results_row WHERE consultation_id = $1::uuid ORDER BY seq`;

export function exportResults(slot: TExportSlot, consultationId: string, copy: TResultsCopy) {
  return streamQuery(
    slot,
    { text: ROWS_SQL, values: [consultationId] },
    {
      format: "csv",
      columns: RESULTS_COLUMNS,
      map: (row) => {
        const text = copy.sections.get(row.clause_id as string | null)?.finalText;
        return { ...row, final_text_en: text?.en ?? null, final_text_fr: text?.fr ?? null };
      },
    },
  );
}
