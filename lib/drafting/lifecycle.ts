// A consultation's life after it is made: publish it, a new preview link,
// extend the deadline or close early (both in the public history), publish
// the results. Each is logged in the admin audit log.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { clearConsultationCache } from "@/lib/consultations/get-consultation";
import { hashToken, newToken } from "@/lib/security/token";
import { logAdminEvent } from "@/lib/users/admin-event";
import { cleanText } from "@/lib/text/clean-text";
import type { TResultsJob } from "@/lib/results/build-results";
import { addJob } from "@/lib/jobs/add-job";
import { TASKS } from "@/lib/jobs/job-names";

export type TLifecycle = { ok: true; token?: string } | { ok: false; key: string; field?: string };

const clean = (s: string) => cleanText(s).slice(0, 2000);

/** Runs a change, then (committed) tells every server's cache. */
async function committed<T extends TLifecycle>(change: Promise<T>): Promise<T> {
  const r = await change;
  if (r.ok) await clearConsultationCache();
  return r;
}

export async function publishConsultation(actorId: string, consultationId: string): Promise<TLifecycle> {
  const at = now();
  return committed(
    db.$transaction(async (tx) => {
      const n = await tx.$executeRaw`UPDATE consultation SET published_at = ${at}, original_closes_at = closes_at
      WHERE id = ${consultationId}::uuid AND published_at IS NULL AND closes_at > ${at}`;
      if (n !== 1) return { ok: false, key: "cannotPublish" } as const;
      const c = await tx.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { slug: true } });
      await logAdminEvent(actorId, "consultation.publish", c.slug, null, tx);
      return { ok: true } as const;
    }),
  );
}

export async function newPreviewLink(actorId: string, consultationId: string): Promise<TLifecycle> {
  const token = newToken();
  const c = await db.consultation.update({
    where: { id: consultationId },
    data: { previewTokenHash: hashToken(token) },
    select: { slug: true },
  });
  await logAdminEvent(actorId, "consultation.preview_link", c.slug);
  return { ok: true, token };
}

export async function extendDeadline(
  actorId: string,
  consultationId: string,
  until: Date,
  reason: string,
): Promise<TLifecycle> {
  const why = clean(reason);
  if (!why) return { ok: false, key: "reasonRequired", field: "reason" };
  const at = now();
  return committed(
    db.$transaction(async (tx) => {
      const [c] = await tx.$queryRaw<
        { slug: string; closes_at: Date; published_at: Date | null; results_published_at: Date | null }[]
      >`
      SELECT slug, closes_at, published_at, results_published_at FROM consultation WHERE id = ${consultationId}::uuid FOR UPDATE`;
      if (!c) return { ok: false, key: "notFound" } as const;
      if (c.results_published_at) return { ok: false, key: "resultsPublished", field: "until" } as const;
      if (until <= c.closes_at || until <= at) return { ok: false, key: "untilNotLater", field: "until" } as const;
      await tx.consultation.update({ where: { id: consultationId }, data: { closesAt: until } });
      if (c.published_at) {
        await tx.deadlineChange.create({
          data: { consultationId, kind: "extended", fromAt: c.closes_at, toAt: until, reason: why, actorId, at },
        });
      }
      await logAdminEvent(
        actorId,
        "consultation.extend",
        c.slug,
        `${c.closes_at.toISOString()} → ${until.toISOString()}: ${why}`,
        tx,
      );
      return { ok: true } as const;
    }),
  );
}

/** The reason for closing early as it will be kept, or null when there is none. */
export function closeReason(reason: string): string | null {
  return clean(reason) || null;
}

/**
 * Closes now. `seenClosesAt`, the deadline the admin's confirmation showed: when it has moved since (another
 * admin extended or closed it), nothing is done and the admin is told.
 */
export async function closeEarly(
  actorId: string,
  consultationId: string,
  reason: string,
  seenClosesAt?: Date,
): Promise<TLifecycle> {
  const why = closeReason(reason);
  if (!why) return { ok: false, key: "reasonRequired", field: "closeReason" };
  const at = now();
  return committed(
    db.$transaction(async (tx) => {
      const [c] = await tx.$queryRaw<
        { slug: string; closes_at: Date; opens_at: Date; results_published_at: Date | null }[]
      >`
      SELECT slug, closes_at, opens_at, results_published_at FROM consultation WHERE id = ${consultationId}::uuid AND published_at IS NOT NULL FOR UPDATE`;
      if (c && !c.results_published_at && at >= c.closes_at)
        return { ok: false, key: "alreadyClosed", field: "closeReason" } as const;
      if (!c || c.results_published_at || at <= c.opens_at)
        return { ok: false, key: "notOpen", field: "closeReason" } as const;
      if (seenClosesAt && seenClosesAt.getTime() !== c.closes_at.getTime())
        return { ok: false, key: "deadlineMoved", field: "closeReason" } as const;
      await tx.consultation.update({ where: { id: consultationId }, data: { closesAt: at } });
      await tx.deadlineChange.create({
        data: { consultationId, kind: "closed_early", fromAt: c.closes_at, toAt: at, reason: why, actorId, at },
      });
      await logAdminEvent(actorId, "consultation.close_early", c.slug, why, tx);
      return { ok: true } as const;
    }),
  );
}

/**
 * Publishes the results: queues the job that computes the copy the public reads (lib/results/build-results.ts),
 * committed with the publication. Once published, publishing again refreshes the copy with the decisions as
 * they are now (logged as such); the first publication's date stays.
 */
export async function publishResults(actorId: string, consultationId: string): Promise<TLifecycle> {
  const at = now();
  return committed(
    db.$transaction(async (tx) => {
      const [c] = await tx.$queryRaw<{ slug: string; results_published_at: Date | null }[]>`
      SELECT slug, results_published_at FROM consultation
      WHERE id = ${consultationId}::uuid AND published_at IS NOT NULL AND closes_at <= ${at} FOR UPDATE`;
      if (!c) return { ok: false, key: "notClosed" } as const;
      if (!c.results_published_at) {
        await tx.$executeRaw`UPDATE consultation SET results_published_at = ${at} WHERE id = ${consultationId}::uuid`;
        // Respondents who asked to be told (lib/country-tracker/notify-results.ts): once, at the first publication.
        await addJob(tx, TASKS.notifyResults, { consultationId });
      }
      await addJob(tx, TASKS.buildResults, { consultationId, builtAt: at.toISOString() } satisfies TResultsJob);
      await logAdminEvent(
        actorId,
        c.results_published_at ? "consultation.republish_results" : "consultation.publish_results",
        c.slug,
        null,
        tx,
      );
      return { ok: true } as const;
    }),
  );
}
