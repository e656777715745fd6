// The response matrix as CSV (formula cells neutralised), streamed.
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import QueryStream from "pg-query-stream";
import { stringify } from "csv-stringify";
import { streamingPool } from "@/lib/raw-pools";
import { neutraliseFormula } from "@/lib/feedback/export-feedback";
import { RESULTS_SQL } from "./get-results";

export const RESULTS_COLUMNS = [
  "clause_number", "aspect", "rating", "stance", "comment", "proposed_wording", "published", "disposition", "disposition_reason", "official", "country",
  "final_text_en", "final_text_fr",
] as const;

export function exportResults(consultationId: string): PassThrough {
  const out = new PassThrough();
  (async () => {
    const client = await streamingPool().connect();
    try {
      await pipeline(
        client.query(new QueryStream(RESULTS_SQL, [consultationId], { batchSize: 2000 })),
        stringify({ header: true, columns: [...RESULTS_COLUMNS], bom: true, record_delimiter: "\r\n",
          cast: { string: (v) => neutraliseFormula(v), boolean: (v) => (v ? "true" : "false") } }),
        out,
      );
    } finally {
      client.release();
    }
  })().catch((e) => out.destroy(e));
  return out;
}
