import { currentUser } from "@/lib/auth";
import { getLetter } from "@/lib/formal/letter";
import { downloadHeaders } from "@/lib/http/download-headers";

export const dynamic = "force-dynamic";

// The delegation, moderators and admins; anyone once the response is published. Checked in getLetter.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const letter = await getLetter(await currentUser(), id);
  if (!letter)
    return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(letter.content), {
    headers: downloadHeaders({ fileName: letter.fileName, mediaType: "application/pdf", sha256: letter.sha256 }),
  });
}
