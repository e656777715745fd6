// GET /api/moderate/consultations/{slug}/export?format=csv|jsonl&<the queue's filters>
//     …/export?format=xlsx&lang=en|fr&<the queue's filters>: the consultation workbook (lib/reports/)
//     …/export?what=audit&format=csv|jsonl: the audit log of the consultation's items
// Moderators only; every export is logged (who, when, which filter, how many rows).
import { requireRoleForApi } from "@/lib/auth";
import { moderationExport } from "./moderation-export";

export async function exportRequest(request: Request, slug: string): Promise<Response> {
  const user = await requireRoleForApi("moderator");
  if (user instanceof Response) return user;
  return moderationExport(user, request, slug);
}
