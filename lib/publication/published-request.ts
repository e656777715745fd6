// The read-only open-data API: GET /api/consultations/{slug}/published (pages
// of JSON) and .../published/export?format=csv|json (everything, streamed).
// Rate-limited per client address across servers; the limits are sent in RateLimit headers.
import { env } from "@/lib/env";
import { getPublishedConsultation } from "@/lib/consultations/get-consultation";
import { allowRequest, EXPORT_COST, rateLimitHeaders } from "@/lib/http/rate-limit";
import { claimExportSlot, exportResponse } from "@/lib/http/export-stream";
import { ZExportQuery, ZPublishedQuery } from "@/lib/api/wire";
import { listPublished, publicItem } from "./list-published";
import { exportPublished } from "./export-published";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });

/** The named query parameters (their first value), absent ones left out. */
function params(request: Request, names: string[]): Record<string, string> {
  const search = new URL(request.url).searchParams;
  return Object.fromEntries(names.flatMap((n) => (search.has(n) ? [[n, search.get(n)!]] : [])));
}

const allowance = (client: string, cost: number) => allowRequest(client, env().OPEN_DATA_RATE_LIMIT_PER_MINUTE, cost);

export async function publishedPage(request: Request, slug: string, client: string): Promise<Response> {
  const a = await allowance(client, 1);
  const rl = rateLimitHeaders(a);
  if (!a.ok)
    return json(
      429,
      { error: "rate_limited", message: `At most ${a.limit} requests a minute; try again in ${a.resetSeconds} s.` },
      rl,
    );
  // A hidden draft answers exactly as an unknown slug.
  const c = await getPublishedConsultation(slug);
  if (!c) return json(404, { error: "not_found", message: "No consultation has this address." }, rl);
  // The query's schema is the one the API document shows (lib/api/wire.ts).
  const clause = new URL(request.url).searchParams.get("clause");
  if (clause !== null && !c.clauses.some((k) => k.key === clause))
    return json(400, { error: "invalid", message: "Unknown clause." }, rl);
  const query = ZPublishedQuery.safeParse(params(request, ["clause", "after", "limit"]));
  if (!query.success) return json(400, { error: "invalid", message: "limit is 1 to 200." }, rl);
  const page = await listPublished(c.id, query.data);
  return json(
    200,
    { consultation: c.slug, items: page.items.map(publicItem), next: page.next },
    { ...rl, "cache-control": "public, max-age=60" },
  );
}

export async function publishedExport(request: Request, slug: string, client: string): Promise<Response> {
  const query = ZExportQuery.safeParse(params(request, ["format"]));
  if (!query.success) return json(400, { error: "invalid", message: "format is csv or json." });
  const { format } = query.data;
  const a = await allowance(client, EXPORT_COST);
  const rl = rateLimitHeaders(a);
  if (!a.ok) return json(429, { error: "rate_limited", message: `Try again in ${a.resetSeconds} s.` }, rl);
  const c = await getPublishedConsultation(slug);
  if (!c) return json(404, { error: "not_found", message: "No consultation has this address." }, rl);
  const claim = await claimExportSlot("public", client);
  if (!claim.ok)
    return json(
      claim.status,
      { error: claim.code, message: claim.message },
      { ...rl, "Retry-After": String(claim.retryAfterSeconds) },
    );
  const { stream } = exportPublished(claim.slot, c.id, format);
  return exportResponse(stream, format, `${c.slug}-published.${format}`, {
    ...rl,
    "cache-control": "public, max-age=300",
  });
}
