// Reading attached files. Moderators and admins see every file of a response they may see (an admin also in a hidden
// draft consultation, as getItem); anyone else only a file a moderator cleared, of a response whose respondent
// agreed to publication, not withdrawn, in a published consultation. Anything else is "not found".
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type TViewer = { role: string } | null;

const isStaff = (v: TViewer) => v?.role === "moderator" || v?.role === "admin";

/** The condition on a file for this viewer (consultation published unless admin; cleared and consented for the public). */
function visibleTo(viewer: TViewer): Prisma.ResponseAttachmentWhereInput {
  if (viewer?.role === "admin") return {};
  const published = { consultation: { publishedAt: { not: null } } };
  if (isStaff(viewer)) return { response: published };
  return {
    clearedAt: { not: null },
    response: { ...published, publication: { not: "none" }, withdrawnAt: null, erasedAt: null },
  };
}

/** One file with its content, for a download; null when it is not there for this viewer. */
export async function getAttachment(viewer: TViewer, id: string) {
  if (!UUID.test(id)) return null;
  return db.responseAttachment.findFirst({
    where: { id, ...visibleTo(viewer) },
    select: { id: true, fileName: true, mediaType: true, size: true, sha256: true, content: true },
  });
}

const LISTED = {
  id: true,
  position: true,
  fileName: true,
  mediaType: true,
  size: true,
  sha256: true,
  clearedAt: true,
} as const;

/** A response's files (without their content), in the order they were sent, as this viewer may see them. */
export function listAttachments(viewer: TViewer, responseId: string) {
  if (!UUID.test(responseId)) return Promise.resolve([]);
  return db.responseAttachment.findMany({
    where: { responseId, ...visibleTo(viewer) },
    select: LISTED,
    orderBy: { position: "asc" },
  });
}

export type TListedAttachment = Awaited<ReturnType<typeof listAttachments>>[number];

/** Where a file is downloaded. */
export const attachmentHref = (id: string) => `/api/attachments/${id}`;

/**
 * The files to show beside published comments (the public comments page): by item, the cleared files of its response,
 * when the respondent agreed to publication (the same rule as getAttachment's for the public).
 */
export async function publishedAttachmentsOf(itemIds: string[]) {
  const ids = itemIds.filter((id) => UUID.test(id));
  if (!ids.length) return new Map<string, TListedAttachment[]>();
  const rows = await db.feedbackItem.findMany({
    where: {
      id: { in: ids },
      response: {
        publication: { not: "none" },
        withdrawnAt: null,
        erasedAt: null,
        consultation: { publishedAt: { not: null } },
      },
    },
    select: {
      id: true,
      response: {
        select: { attachments: { where: { clearedAt: { not: null } }, select: LISTED, orderBy: { position: "asc" } } },
      },
    },
  });
  return new Map(rows.filter((r) => r.response.attachments.length).map((r) => [r.id, r.response.attachments]));
}
