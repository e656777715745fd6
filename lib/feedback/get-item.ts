import { db } from "@/lib/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One feedback item with what a moderator needs beside it: the clause, the respondent, the rest of the response, tags, notes, history. */
/** One item with its context; an item of a hidden draft consultation is found by admins only. */
export async function getItem(id: string, viewer: { role: string }) {
  if (!UUID.test(id)) return null;
  const item = await db.feedbackItem.findFirst({
    where: { id, ...(viewer.role === "admin" ? {} : { response: { consultation: { publishedAt: { not: null } } } }) },
    include: {
      clause: true,
      clauseText: true,
      triage: {
        include: {
          assignee: { select: { id: true, name: true, email: true } },
          events: { orderBy: { at: "desc" }, take: 200, include: { actor: { select: { name: true } } } },
        },
      },
      tags: { include: { tag: true } },
      notes: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
      response: {
        include: {
          consultation: { select: { slug: true, titleEn: true, titleFr: true, timeZone: true } },
          feedbackItems: {
            orderBy: { position: "asc" },
            include: { clause: { select: { kind: true, number: true } } },
          },
        },
      },
    },
  });
  if (!item) return null;
  // Its moderation state (a row of its own, made with the item by a trigger), read as the item's fields.
  const { triage, ...rest } = item;
  if (!triage) throw new Error(`feedback item ${item.id} has no moderation state`);
  const { status, disposition, dispositionReason, assigneeId, assignee, moderatedAt, version, campaignId, events } =
    triage;
  return {
    ...rest,
    status,
    disposition,
    dispositionReason,
    assigneeId,
    assignee,
    moderatedAt,
    version,
    campaignId,
    events,
  };
}

export type TItem = NonNullable<Awaited<ReturnType<typeof getItem>>>;

/** People who can be assigned items. */
export function listModerators() {
  return db.appUser.findMany({
    where: { role: { in: ["moderator", "admin"] }, disabledAt: null },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}
