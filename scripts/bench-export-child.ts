// One export, measured: run by scripts/bench-export.mjs in its own process so
// its peak memory is the export's own. Streams exactly as the route does
// (a staff slot → openFeedbackExport → exportBody) and reads it to the end.
import { claimExportSlot, exportBody } from "@/lib/http/export-stream";
import { openFeedbackExport } from "@/lib/feedback/export-feedback";

async function main() {
  const [consultationId, format] = process.argv.slice(2) as [string, "csv" | "jsonl"];
  const started = performance.now();
  const claim = await claimExportSlot("staff", "bench");
  if (!claim.ok) throw new Error(claim.message);
  const { stream, done } = openFeedbackExport(claim.slot, consultationId, {}, format);
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
