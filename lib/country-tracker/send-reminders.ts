// Deadline reminders to delegations that have not submitted: 7 days and 1 day before the country's own
// deadline (an admin's extension counts). Run hourly by the queue's crontab (lib/jobs/start-worker.ts) on
// one server; each reminder is recorded (formal_reminder, unique per consultation, country and kind) in the
// transaction that queues its emails, so it is sent once whichever server or hour finds it due. Entering the
// last day without the 7-day reminder sent (a consultation that opened late, a deadline moved) sends only the
// 1-day one. An admin may also send one by hand from the tracker (logged; not counted as either).
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { countryName } from "@/lib/countries/list-countries";
import { formatInstant } from "@/lib/consultations/format-instant";
import { logAdminEvent } from "@/lib/users/admin-event";
import { bilingualMail, linkIn, queueNotice } from "./notice-mail";

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type TDue = { consultation_id: string; country: string; kind: string; deadline: Date };
type TConsultationMail = { slug: string; title_en: string; title_fr: string; time_zone: string };

const DAY_MS = 86_400_000;

/** Queues every reminder due now; returns how many delegations were reminded. */
export async function sendDueReminders(): Promise<number> {
  const at = now();
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<TDue[]>`
      WITH d AS (
        SELECT k.id AS consultation_id, m.country,
          GREATEST(k.closes_at, COALESCE(f.extended_until, k.closes_at)) AS deadline, f.status
        FROM consultation k
        CROSS JOIN (SELECT DISTINCT country FROM app_user WHERE role = 'delegate' AND country IS NOT NULL AND disabled_at IS NULL) m
        LEFT JOIN formal_response f ON f.consultation_id = k.id AND f.country = m.country
        WHERE k.published_at IS NOT NULL AND k.opens_at <= ${at}
      )
      INSERT INTO formal_reminder (consultation_id, country, kind, deadline, sent_at)
      SELECT consultation_id, country, CASE WHEN deadline - interval '1 day' <= ${at} THEN '1d' ELSE '7d' END, deadline, ${at}
      FROM d
      WHERE (status IS NULL OR status <> 'submitted') AND deadline > ${at} AND deadline - interval '7 days' <= ${at}
      ON CONFLICT (consultation_id, country, kind) DO NOTHING
      RETURNING consultation_id, country, kind, deadline`;
    for (const r of due) await queueReminder(tx, r.consultation_id, r.country, r.deadline);
    return due.length;
  });
}

/** The reminder's emails to every active member of the delegation; how many were queued. */
async function queueReminder(tx: TTx, consultationId: string, country: string, deadline: Date): Promise<number> {
  const [k] = await tx.$queryRaw<TConsultationMail[]>`
    SELECT slug, title_en, title_fr, time_zone FROM consultation WHERE id = ${consultationId}::uuid`;
  const members = await tx.appUser.findMany({
    where: { role: "delegate", country, disabledAt: null },
    select: { email: true },
  });
  const days = Math.max(1, Math.round((deadline.getTime() - now().getTime()) / DAY_MS));
  for (const m of members)
    await queueNotice(
      tx,
      bilingualMail(m.email, "reminderMailSubject", "reminderMailBody", (locale) => ({
        country: countryName(country, locale),
        title: locale === "fr" ? k.title_fr : k.title_en,
        deadline: formatInstant(deadline, locale, k.time_zone),
        days,
        link: linkIn(locale, `/delegation/${k.slug}`),
      })),
    );
  return members.length;
}

export type TRemindByHand = { ok: true; members: number } | { ok: false; reason: "noMembers" | "submitted" | "closed" };

/** An admin's reminder from the tracker, whatever the date: to every active member, logged in the admin log. */
export async function remindByHand(
  actorId: string,
  consultation: { id: string; slug: string; closesAt: Date },
  country: string,
): Promise<TRemindByHand> {
  return db.$transaction(async (tx) => {
    const ws = await tx.formalResponse.findUnique({
      where: { consultationId_country: { consultationId: consultation.id, country } },
      select: { status: true, extendedUntil: true },
    });
    if (ws?.status === "submitted") return { ok: false, reason: "submitted" } as const;
    const deadline =
      ws?.extendedUntil && ws.extendedUntil > consultation.closesAt ? ws.extendedUntil : consultation.closesAt;
    if (deadline <= now()) return { ok: false, reason: "closed" } as const;
    const members = await queueReminder(tx, consultation.id, country, deadline);
    if (!members) return { ok: false, reason: "noMembers" } as const;
    await logAdminEvent(actorId, "tracker.remind", `${consultation.slug} ${country}`, `${members} members`, tx);
    return { ok: true, members } as const;
  });
}
