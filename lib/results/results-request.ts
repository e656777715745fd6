// GET /api/consultations/{slug}/results: the response matrix as CSV, from the
// copy made at publication. Public once the results are published (not found
// before); rate-limited per client address like the open-data export.
import { env } from "@/lib/env";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { allowRequest, EXPORT_COST, rateLimitHeaders } from "@/lib/http/rate-limit";
import { claimExportSlot, exportResponse } from "@/lib/http/export-stream";
import { readResults } from "./build-results";
import { exportResults } from "./export-results";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });

export async function resultsCsv(slug: string, client: string): Promise<Response> {
  const a = await allowRequest(client, env().OPEN_DATA_RATE_LIMIT_PER_MINUTE, EXPORT_COST);
  const rl = rateLimitHeaders(a);
  if (!a.ok) return json(429, { error: "rate_limited", message: `Try again in ${a.resetSeconds} s.` }, rl);
  const c = await getPublicConsultation(slug);
  if (!c?.resultsPublishedAt)
    return json(404, { error: "not_found", message: "No published results at this address." }, rl);
  const copy = await readResults(c.id);
  const claim = await claimExportSlot("public", client);
  if (!claim.ok)
    return json(
      claim.status,
      { error: claim.code, message: claim.message },
      { ...rl, "Retry-After": String(claim.retryAfterSeconds) },
    );
  return exportResponse(exportResults(claim.slot, c.id, copy).stream, "csv", `${c.slug}-results.csv`, {
    ...rl,
    "cache-control": "public, max-age=300",
  });
}
