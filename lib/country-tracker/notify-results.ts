// "Tell me when the results are published": the task queued with the first publication of the results
// (lib/drafting/lifecycle.ts) emails each respondent who ticked it and gave an address, in the language they
// answered in. One statement records each email (results_notice) and queues it (graphile_worker.add_jobs), so a
// job that runs again, or a republication, sends nobody a second one. Withdrawn and erased responses get none.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { TASKS } from "@/lib/jobs/job-names";
import { translator } from "@/lib/i18n/translator";
import { linkIn } from "./notice-mail";

export type TNotifyResultsJob = { consultationId: string };

/** Returns how many emails were queued. */
export async function notifyResults({ consultationId }: TNotifyResultsJob): Promise<number> {
  const c = await db.consultation.findUnique({
    where: { id: consultationId },
    select: { slug: true, titleEn: true, titleFr: true, resultsPublishedAt: true },
  });
  if (!c?.resultsPublishedAt) return 0;
  const [en, fr] = (["en", "fr"] as const).map((locale) => {
    const t = translator(locale, "countryTracker");
    const title = locale === "fr" ? c.titleFr : c.titleEn;
    return {
      subject: t("resultsMailSubject", { title }),
      text: t("resultsMailBody", { title, link: linkIn(locale, `/c/${c.slug}/results`) }),
    };
  });
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    WITH x AS (
      INSERT INTO results_notice (response_id, queued_at)
      SELECT id, ${now()} FROM response
      WHERE consultation_id = ${consultationId}::uuid AND notify_results AND email IS NOT NULL
        AND withdrawn_at IS NULL AND erased_at IS NULL
      ON CONFLICT (response_id) DO NOTHING
      RETURNING response_id
    ), specs AS (
      SELECT array_agg(ROW(${TASKS.sendNotice.name}::text,
        json_build_object('to', r.email,
          'subject', CASE WHEN r.locale = 'fr' THEN ${fr.subject}::text ELSE ${en.subject}::text END,
          'text', CASE WHEN r.locale = 'fr' THEN ${fr.text}::text ELSE ${en.text}::text END),
        NULL::text, NULL::timestamptz, ${TASKS.sendNotice.maxAttempts}::int, NULL::text, NULL::int, NULL::text[])::graphile_worker.job_spec) AS specs
      FROM response r JOIN x ON x.response_id = r.id
    )
    SELECT count(*)::int AS n FROM specs CROSS JOIN LATERAL graphile_worker.add_jobs(specs.specs) WHERE specs.specs IS NOT NULL`;
  return n;
}
