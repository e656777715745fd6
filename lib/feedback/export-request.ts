// GET /api/moderate/consultations/{slug}/export?format=csv|jsonl&<the queue's filters>
//     …/export?format=xlsx&lang=en|fr&<the queue's filters>: the consultation workbook (lib/reports/)
//     …/export?what=audit&format=csv|jsonl: the audit log of the consultation's items
// Moderators only; every export is logged (who, when, which filter, how many rows).
import { AccessDenied, requireRole } from "@/lib/auth";
import { moderationExport } from "./moderation-export";

export async function exportRequest(request: Request, slug: string): Promise<Response> {
  let user;
  try {
    user = await requireRole("moderator");
  } catch (e) {
    if (e instanceof AccessDenied)
      return Response.json(
        { error: { code: e.status === 401 ? "unauthenticated" : "forbidden", message: e.message } },
        { status: e.status },
      );
    throw e;
  }
  return moderationExport(user, request, slug);
}
