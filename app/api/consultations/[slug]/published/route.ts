import { clientIp } from "@/lib/http/client-ip";
import { publishedPage } from "@/lib/publication/published-request";

export const dynamic = "force-dynamic";

// Public and read-only: published comments only (see lib/publication/published-query.ts); rate-limited per client.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return publishedPage(request, slug, clientIp(request.headers));
}
