import { clientIp } from "@/lib/http/client-ip";
import { publishedExport } from "@/lib/publication/published-request";

export const dynamic = "force-dynamic";

// Public and read-only: the open-data export of published comments; rate-limited per client.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return publishedExport(request, slug, clientIp(request.headers));
}
