// The response matrix as CSV (formula cells neutralised), streamed on a claimed slot.
import QueryStream from "pg-query-stream";
import { csvEncoder, streamRows, type TExportSlot } from "@/lib/http/export-stream";
import { RESULTS_SQL } from "./get-results";

export const RESULTS_COLUMNS = [
  "clause_number", "aspect", "rating", "stance", "comment", "proposed_wording", "published", "disposition", "disposition_reason", "official", "country",
  "final_text_en", "final_text_fr",
] as const;

export function exportResults(slot: TExportSlot, consultationId: string) {
  return streamRows(slot, new QueryStream(RESULTS_SQL, [consultationId], { batchSize: 2000 }), csvEncoder(RESULTS_COLUMNS));
}
