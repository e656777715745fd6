// The open-data export: every published comment as CSV (formula cells
// neutralised) or a JSON array, streamed from a cursor on a claimed slot.
import { streamQuery, type TExportSlot } from "@/lib/http/export-stream";
import { PUBLISHED_COLUMNS, PUBLISHED_SQL } from "./published-query";

export function exportPublished(slot: TExportSlot, consultationId: string, format: "csv" | "json") {
  return streamQuery(
    slot,
    { text: PUBLISHED_SQL, values: [consultationId, null, null, null] },
    { format, columns: PUBLISHED_COLUMNS },
  );
}
