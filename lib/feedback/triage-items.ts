// Applies a moderator's changes to one or many feedback items, in one
// transaction, writing an audit event for every field that changed. Every
// write bumps the item's version; a save from the item page carries the
// version it was loaded at and is refused if the item has changed since.
import { announcedWhenOk } from "@/lib/consultations/cache-bus";
import type { Disposition, ItemStatus, Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { TTriage } from "./triage-schema";

type TEvent = {
  feedbackItemId: string;
  actorId: string;
  at: Date;
  field: string;
  fromValue: string | null;
  toValue: string | null;
};

/** One change someone else made since the version a refused save was loaded at. */
export type TStaleChange = {
  by: string | null;
  at: Date;
  field: string;
  fromValue: string | null;
  toValue: string | null;
};

export type TTriageResult =
  | { ok: true; changed: number }
  | { ok: false; reason: "not_found" | "mixed_consultations" | "unknown_assignee" }
  | { ok: false; reason: "stale"; version: number; at: Date; changes: TStaleChange[] };

const MAX_STALE_CHANGES = 20;

type TLocked = {
  id: string;
  version: number;
  moderatedAt: Date | null;
  status: ItemStatus;
  clearedAt: Date | null;
  disposition: Disposition | null;
  dispositionReason: string | null;
  assigneeId: string | null;
  response: { consultationId: string };
  tags: { tag: { id: string; key: string; name: string } }[];
};

/**
 * What was changed on an item after version `since`: the events of its last
 * (current − since) writes (each write is one transaction, so one `at`). A
 * write that logged nothing (should not happen) leaves the list short.
 */
async function changesSince(
  tx: Pick<typeof db, "$queryRaw">,
  itemId: string,
  current: number,
  since: number,
): Promise<TStaleChange[]> {
  const writes = Math.min(MAX_STALE_CHANGES, Math.max(1, current - since));
  return tx.$queryRaw<TStaleChange[]>`
    SELECT u.name AS by, e.at, e.field, e.from_value AS "fromValue", e.to_value AS "toValue"
    FROM moderation_event e LEFT JOIN app_user u ON u.id = e.actor_id
    WHERE e.feedback_item_id = ${itemId}::uuid
      AND e.at >= (SELECT min(at) FROM (SELECT DISTINCT at FROM moderation_event WHERE feedback_item_id = ${itemId}::uuid ORDER BY at DESC LIMIT ${writes}) w)
    ORDER BY e.at DESC, e.field LIMIT ${MAX_STALE_CHANGES}`;
}

export async function triageItems(actorId: string, t: TTriage): Promise<TTriageResult> {
  const at = now();
  return announcedWhenOk(
    db.$transaction(async (tx) => {
      // Lock the rows first (in a fixed order), so two moderators saving the same
      // item one after the other each see what the other wrote: the read is a statement
      // of its own, whose snapshot comes after the lock (a single SELECT … FOR UPDATE
      // would read the tags as they were before waiting).
      const ids = [...new Set(t.ids)].sort();
      // The item's moderation state is the row locked (feedback_triage: what bulk-decide.ts locks too).
      await tx.$queryRaw`SELECT feedback_item_id FROM feedback_triage WHERE feedback_item_id = ANY(${ids}::uuid[]) ORDER BY feedback_item_id FOR UPDATE`;
      const items = await tx.$queryRaw<TLocked[]>`
      SELECT fi.id, tr.version, tr.moderated_at AS "moderatedAt", tr.status::text AS status, fi.cleared_at AS "clearedAt",
        tr.disposition::text AS disposition, tr.disposition_reason AS "dispositionReason", tr.assignee_id AS "assigneeId",
        json_build_object('consultationId', r.consultation_id) AS response,
        COALESCE((SELECT json_agg(json_build_object('tag', json_build_object('id', tg.id, 'key', tg.key, 'name', tg.name)))
          FROM feedback_item_tag ft JOIN tag tg ON tg.id = ft.tag_id WHERE ft.feedback_item_id = fi.id), '[]'::json) AS tags
      FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id JOIN response r ON r.id = fi.response_id
      WHERE fi.id = ANY(${ids}::uuid[]) ORDER BY fi.id`;
      if (items.length !== new Set(t.ids).size) return { ok: false, reason: "not_found" } as const;
      const consultationIds = new Set(items.map((i) => i.response.consultationId));
      if (consultationIds.size !== 1) return { ok: false, reason: "mixed_consultations" } as const;
      const consultationId = [...consultationIds][0];
      if (t.version !== undefined && items[0].version !== t.version) {
        const item = items[0];
        const changes = await changesSince(tx, item.id, item.version, t.version);
        return {
          ok: false,
          reason: "stale",
          version: item.version,
          at: changes[0]?.at ?? item.moderatedAt ?? at,
          changes,
        } as const;
      }

      let assigneeId: string | null | undefined;
      if (t.assignee === "none") assigneeId = null;
      else if (t.assignee) {
        const a = await tx.appUser.findFirst({
          where: { id: t.assignee, role: { in: ["moderator", "admin"] }, disabledAt: null },
          select: { id: true },
        });
        if (!a) return { ok: false, reason: "unknown_assignee" } as const;
        assigneeId = a.id;
      }

      const wantedTags = [
        ...new Map([...(t.addTags ?? []), ...(t.setTags ?? [])].map((n) => [n.toLowerCase(), n])).values(),
      ];
      const tagIds = new Map<string, { id: string; name: string }>();
      for (const name of wantedTags) {
        const key = name.toLowerCase();
        const tag = await tx.tag.upsert({
          where: { consultationId_key: { consultationId, key } },
          create: { consultationId, key, name },
          update: {},
          select: { id: true, name: true },
        });
        tagIds.set(key, tag);
      }

      const events: TEvent[] = [];
      let changed = 0;
      for (const item of items) {
        const ev = (field: string, fromValue: string | null | undefined, toValue: string | null | undefined) =>
          events.push({
            feedbackItemId: item.id,
            actorId,
            at,
            field,
            fromValue: fromValue ?? null,
            toValue: toValue ?? null,
          });
        const data: Prisma.FeedbackTriageUncheckedUpdateInput = {};
        let clearedAt: Date | null | undefined;
        if (t.status && t.status !== item.status) {
          data.status = t.status;
          ev("status", item.status, t.status);
        }
        if (t.disposition !== undefined) {
          const next = t.disposition === "" ? null : t.disposition;
          if (next !== item.disposition) {
            data.disposition = next;
            ev("disposition", item.disposition, next);
          }
          const reason = next ? (t.dispositionReason ?? null) : null;
          if (reason !== item.dispositionReason) {
            data.dispositionReason = reason;
            ev("disposition_reason", item.dispositionReason, reason);
          }
        }
        if (t.publish && (t.publish === "clear") !== (item.clearedAt !== null)) {
          clearedAt = t.publish === "clear" ? at : null;
          ev("publication", item.clearedAt ? "cleared" : "withheld", t.publish === "clear" ? "cleared" : "withheld");
        }
        if (assigneeId !== undefined && assigneeId !== item.assigneeId) {
          data.assigneeId = assigneeId;
          ev("assignee", item.assigneeId, assigneeId);
        }
        const current = new Map(item.tags.map((x) => [x.tag.key, x.tag]));
        const add = wantedTags.map((n) => n.toLowerCase()).filter((k) => !current.has(k));
        const remove = t.setTags
          ? [...current.keys()].filter((k) => !t.setTags!.some((n) => n.toLowerCase() === k))
          : [];
        for (const key of add) {
          await tx.feedbackItemTag.create({ data: { feedbackItemId: item.id, tagId: tagIds.get(key)!.id } });
          ev("tag_added", null, tagIds.get(key)!.name);
        }
        if (remove.length) {
          await tx.feedbackItemTag.deleteMany({
            where: { feedbackItemId: item.id, tagId: { in: remove.map((k) => current.get(k)!.id) } },
          });
          for (const key of remove) ev("tag_removed", current.get(key)!.name, null);
        }
        if (t.note) {
          await tx.itemNote.create({
            data: { feedbackItemId: item.id, authorId: actorId, body: t.note, createdAt: at },
          });
          ev("note", null, t.note);
        }
        const touched =
          Object.keys(data).length > 0 || clearedAt !== undefined || add.length > 0 || remove.length > 0 || !!t.note;
        if (touched) {
          changed += 1;
          await tx.feedbackTriage.update({
            where: { feedbackItemId: item.id },
            data: { ...data, moderatedAt: at, version: { increment: 1 } },
          });
          if (clearedAt !== undefined) await tx.feedbackItem.update({ where: { id: item.id }, data: { clearedAt } });
        }
      }
      if (events.length) await tx.moderationEvent.createMany({ data: events });
      return { ok: true, changed } as const;
    }),
  );
}
