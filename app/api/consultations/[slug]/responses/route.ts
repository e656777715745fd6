import { postResponse, toWire } from "@/lib/api/post-response";
import { clientIp } from "@/lib/http/client-ip";

export const dynamic = "force-dynamic";

// Public: anyone may respond, so there is no role to check. It takes only
// application/json, which a cross-site form cannot send without a CORS
// preflight (that this API never grants), and no cookies are read.
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // scripts/server.mjs answers this path itself (servePostResponse); this route serves it under any other server.
  const { status, headers, text } = toWire(await postResponse(request, slug, clientIp(request.headers)));
  return new Response(text, { status, headers });
}
