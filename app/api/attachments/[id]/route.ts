import { currentUser } from "@/lib/auth";
import { getAttachment } from "@/lib/attachments/get-attachment";
import { downloadHeaders } from "@/lib/http/download-headers";

export const dynamic = "force-dynamic";

// Moderators and admins; anyone else only a cleared file of a response published with consent. Checked in getAttachment.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const file = await getAttachment(await currentUser(), id);
  if (!file)
    return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(file.content), { headers: downloadHeaders(file) });
}
