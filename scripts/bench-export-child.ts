// One export, measured: run by scripts/bench-export.mjs in its own process so
// its peak memory is the export's own. Streams exactly as the route does
// (a staff slot → openFeedbackExport, or openConsultationWorkbook for xlsx → exportBody) and reads it to the end.
import { claimExportSlot, exportBody } from "@/lib/http/export-stream";
import { openFeedbackExport } from "@/lib/feedback/export-feedback";
import type pg from "pg";
// The workbook (and exceljs) is loaded only for an xlsx run: in a CSV run its modules would count in the CSV's peak.
import type { TWorkbookConsultation } from "@/lib/reports/consultation-workbook";

async function workbookConsultation(client: pg.PoolClient, id: string): Promise<TWorkbookConsultation> {
  const { rows } = await client.query(
    `SELECT id, reference_prefix, title_en, title_fr, time_zone FROM consultation WHERE id = $1::uuid`,
    [id],
  );
  const clauses = await client.query(
    `SELECT id, key, kind::text AS kind, number FROM clause WHERE consultation_id = $1::uuid AND removed_in_version IS NULL ORDER BY position`,
    [id],
  );
  const k = rows[0];
  return {
    id: k.id,
    referencePrefix: k.reference_prefix,
    title: { en: k.title_en, fr: k.title_fr },
    timeZone: k.time_zone,
    clauses: clauses.rows as TWorkbookConsultation["clauses"],
  };
}

async function main() {
  const [consultationId, format] = process.argv.slice(2) as [string, "csv" | "jsonl" | "xlsx"];
  const started = performance.now();
  const claim = await claimExportSlot("staff", "bench");
  if (!claim.ok) throw new Error(claim.message);
  // The workbook's consultation, on the same connection (the route has it already; Prisma's client would add
  // ~100 MB of RSS that the server pays once, not per export).
  const { stream, done } =
    format === "xlsx"
      ? await (
          await import("@/lib/reports/consultation-workbook")
        ).openConsultationWorkbook(
          claim.slot,
          await workbookConsultation(claim.slot.client, consultationId),
          {},
          "en",
          new Date(),
        )
      : openFeedbackExport(claim.slot, consultationId, {}, format);
  const reader = (exportBody(stream) as ReadableStream<Uint8Array>).getReader();
  let bytes = 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  for (;;) {
    const { done: end, value } = await reader.read();
    if (end) break;
    bytes += value.byteLength;
  }
  const rows = await done;
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  console.log(JSON.stringify({ rows, bytes, seconds, peakRssBytes: peakRss }));
  process.exit(0);
}

main();
