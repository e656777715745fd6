import { NextResponse } from "next/server";
import { postResponse } from "@/lib/api/post-response";
import { clientIp } from "@/lib/http/client-ip";

export const dynamic = "force-dynamic";

// Public: anyone may respond, so there is no role to check. It takes only
// application/json, which a cross-site form cannot send without a CORS
// preflight (that this API never grants), and no cookies are read.
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { status, body, headers } = await postResponse(request, slug, clientIp(request.headers));
  return NextResponse.json(body, { status, headers });
}
