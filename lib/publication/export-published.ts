// The open-data export: every published comment as CSV (formula cells
// neutralised) or a JSON array, streamed from a cursor on a claimed slot.
import { Transform } from "node:stream";
import QueryStream from "pg-query-stream";
import { csvEncoder, streamRows, type TExportSlot } from "@/lib/http/export-stream";
import { PUBLISHED_COLUMNS, PUBLISHED_SQL } from "./published-query";

function jsonArray(): Transform {
  let first = true;
  return new Transform({
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
}

export function exportPublished(slot: TExportSlot, consultationId: string, format: "csv" | "json") {
  const query = new QueryStream(PUBLISHED_SQL, [consultationId, null, null, null], { batchSize: 2000 });
  return streamRows(slot, query, format === "csv" ? csvEncoder(PUBLISHED_COLUMNS) : jsonArray());
}
