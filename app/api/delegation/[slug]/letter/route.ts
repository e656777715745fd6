import { uploadLetterRequest } from "@/lib/formal/upload-letter-request";

export const dynamic = "force-dynamic";

// The delegation's own members only: checked inside uploadLetterRequest (and storeLetter).
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return uploadLetterRequest(request, slug);
}
