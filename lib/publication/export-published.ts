// The open-data export: every published comment as CSV (formula cells
// neutralised) or a JSON array, streamed from a cursor.
import { PassThrough, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import QueryStream from "pg-query-stream";
import { stringify } from "csv-stringify";
import { streamingPool } from "@/lib/raw-pools";
import { neutraliseFormula } from "@/lib/feedback/export-feedback";
import { PUBLISHED_COLUMNS, PUBLISHED_SQL } from "./published-query";

export function exportPublished(consultationId: string, format: "csv" | "json"): PassThrough {
  const out = new PassThrough();
  (async () => {
    const client = await streamingPool().connect();
    try {
      const source = client.query(new QueryStream(PUBLISHED_SQL, [consultationId, null, null, null], { batchSize: 2000 }));
      let first = true;
      const encode =
        format === "csv"
          ? stringify({ header: true, columns: [...PUBLISHED_COLUMNS], bom: true, record_delimiter: "\r\n",
              cast: { string: (v) => neutraliseFormula(v), boolean: (v) => (v ? "true" : "false") } })
          : new Transform({
              writableObjectMode: true,
              transform(row, _e, done) {
                const obj = Object.fromEntries(PUBLISHED_COLUMNS.map((k) => [k, row[k]]));
                done(null, `${first ? "[\n" : ",\n"}${JSON.stringify(obj)}`);
                first = false;
              },
              flush(done) {
                done(null, first ? "[]\n" : "\n]\n");
              },
            });
      await pipeline(source, encode, out);
    } finally {
      client.release();
    }
  })().catch((e) => out.destroy(e));
  return out;
}
