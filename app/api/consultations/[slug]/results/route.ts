import { Readable } from "node:stream";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { exportResults } from "@/lib/results/export-results";

export const dynamic = "force-dynamic";

// Public once an admin has published the results; not found before.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const c = await getPublicConsultation(slug);
  if (!c?.resultsPublishedAt) return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(Readable.toWeb(exportResults(c.id)) as ReadableStream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${c.slug}-results.csv"`, "cache-control": "public, max-age=300" },
  });
}
