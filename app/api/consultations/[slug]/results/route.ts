import { clientIp } from "@/lib/http/client-ip";
import { resultsCsv } from "@/lib/results/results-request";

export const dynamic = "force-dynamic";

// Public once an admin has published the results; not found before. Rate-limited per client.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return resultsCsv(slug, clientIp(request.headers));
}
