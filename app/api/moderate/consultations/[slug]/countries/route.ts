import { trackerCsvRequest } from "@/lib/country-tracker/export-tracker";

export const dynamic = "force-dynamic";

// requireRole("moderator") is checked inside trackerCsvRequest, before anything is read.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return trackerCsvRequest(request, slug);
}
