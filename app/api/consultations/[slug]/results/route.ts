import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { claimExportSlot, exportBody } from "@/lib/http/export-stream";
import { clientIp } from "@/lib/http/client-ip";
import { exportResults } from "@/lib/results/export-results";

export const dynamic = "force-dynamic";

// Public once an admin has published the results; not found before.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const c = await getPublicConsultation(slug);
  if (!c?.resultsPublishedAt) return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const claim = await claimExportSlot("public", clientIp(request.headers));
  if (!claim.ok) return new Response(claim.message, { status: claim.status, headers: { "content-type": "text/plain; charset=utf-8", "Retry-After": String(claim.retryAfterSeconds) } });
  return new Response(exportBody(exportResults(claim.slot, c.id).stream), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${c.slug}-results.csv"`, "cache-control": "public, max-age=300" },
  });
}
