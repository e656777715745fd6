// The encoders of lib/http/export-stream.ts: a query's rows (objects, or arrays in the columns' order) as CSV,
// JSON Lines or a JSON array, and each format's content type. CSV cells that a spreadsheet would run as a
// formula are neutralised.
import { Transform } from "node:stream";
import { stringify } from "csv-stringify";

/** A spreadsheet would run a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** CSV as spreadsheets open it: UTF-8 with a BOM (Excel reads UTF-8 only with it), CRLF, formula cells neutralised. */
function csvEncoder(columns: readonly string[]): Transform {
  return stringify({
    header: true,
    columns: [...columns],
    bom: true,
    record_delimiter: "\r\n",
    cast: { string: (v) => neutraliseFormula(v), boolean: (v) => (v ? "true" : "false") },
  });
}

/** JSON Lines: one object per row, its columns in order. */
function jsonLinesEncoder(columns: readonly string[]): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(row, _e, done) {
      done(null, JSON.stringify(pick(row, columns)) + "\n");
    },
  });
}

/** A JSON array of one object per row, one row a line. */
function jsonArrayEncoder(columns: readonly string[]): Transform {
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(row, _e, done) {
      done(null, `${first ? "[\n" : ",\n"}${JSON.stringify(pick(row, columns))}`);
      first = false;
    },
    flush(done) {
      done(null, first ? "[]\n" : "\n]\n");
    },
  });
}

/** A row's columns as an object, in order: from an object row, or from an array row already in the columns' order. */
const pick = (row: Record<string, unknown> | unknown[], columns: readonly string[]) =>
  Object.fromEntries(
    Array.isArray(row)
      ? columns.map((k, i) => [k, row[i]])
      : columns.map((k) => [k, (row as Record<string, unknown>)[k]]),
  );

export type TExportFormat = "csv" | "jsonl" | "json";

export const ENCODERS: Record<TExportFormat, (columns: readonly string[]) => Transform> = {
  csv: csvEncoder,
  jsonl: jsonLinesEncoder,
  json: jsonArrayEncoder,
};
export const CONTENT_TYPES: Record<TExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
  json: "application/json; charset=utf-8",
};
