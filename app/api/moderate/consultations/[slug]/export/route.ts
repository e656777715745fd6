import { exportRequest } from "@/lib/feedback/export-request";

export const dynamic = "force-dynamic";

// requireRole("moderator") is checked inside exportRequest, before anything is read.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return exportRequest(request, slug);
}
