// What is derived from an item's texts, in the background: its full-text vector and campaign fingerprint (PostgreSQL's
// functions feedback_item_vector and feedback_item_fingerprint, so the search's and the campaigns' fallbacks compute
// the same values) and its comment's language (franc-min, lib/themes/detect-languages.ts). Storing a response computes
// none of them: they were 45 % of PostgreSQL's work per response on deadline day (issue 12). The derive-items job runs
// every minute (and before the themes); until it has seen an item, the queue's search computes its vector on the fly.
//
// The job shares the web server's process and its database: it works 2,000 items per UPDATE (each new item is
// rewritten once, as the language alone already needed), lets the event loop turn every few milliseconds
// (2,000 comments in one piece held it 0.4–0.8 s: lib/event-loop-slices.ts), does one
// batch per run while the server is busy (so a steady load cannot starve it), and nothing while it sheds load (a
// batch under way when it begins to is dropped).
import { db } from "@/lib/db";
import { timeSlices } from "@/lib/event-loop-slices";
import { overloadedWithin, requestsInFlight } from "@/lib/http/load-state";
import { commentLanguage } from "@/lib/themes/detect-languages";

const BATCH = 2000;
/** More requests than this in progress: the server is busy, the run stops after its first batch. */
export const BUSY_IN_FLIGHT = 8;

// The run in progress in this process (the every-minute job and the themes job both derive): a second caller waits
// for it rather than reading the same rows. Across servers the rows' versions keep two runs from writing one twice.
let running: Promise<number> | null = null;

/**
 * Derives the items not derived yet, `BATCH` at a time, until none is left, `budgetMs` has passed or the server is
 * busy. Returns how many it derived.
 */
export function deriveItems(budgetMs = 45_000): Promise<number> {
  running ??= derive(budgetMs).finally(() => (running = null));
  return running;
}

async function derive(budgetMs: number): Promise<number> {
  const until = Date.now() + budgetMs;
  let done = 0;
  for (;;) {
    if (overloadedWithin(60_000)) return done;
    // New or changed items first (the partial index feedback_item_underived_idx), then comments derived before
    // whose language is not detected yet (feedback_item_undetected_idx). xmin: the row's version read here.
    const rows = await db.$queryRaw<{ id: string; version: string; comment: string | null; language: string | null }[]>`
      (SELECT id, xmin::text AS version, comment, language FROM feedback_item WHERE search IS NULL ORDER BY id LIMIT ${BATCH})
      UNION ALL
      (SELECT id, xmin::text AS version, comment, language FROM feedback_item
       WHERE search IS NOT NULL AND detected_language IS NULL AND comment IS NOT NULL ORDER BY id LIMIT ${BATCH})
      LIMIT ${BATCH}`;
    if (!rows.length) return done;
    const langs: (string | null)[] = [];
    const slice = timeSlices();
    for (const r of rows) {
      // A rush that begins in the middle of a batch stops it (the detection holds a core of the server's own
      // process for up to a second per batch), and its UPDATE is not sent: these items wait for the next run.
      if (overloadedWithin(60_000)) return done;
      langs.push(r.comment === null ? null : commentLanguage(r.comment, r.language));
      if (slice.over()) await slice.pause();
    }
    // A row changed since it was read (a new version) is left for the next batch: its language was read from
    // the old text.
    await db.$executeRaw`
      UPDATE feedback_item fi SET detected_language = d.lang,
        -- An older comment whose language alone is missing keeps its vector and fingerprint (no text changed).
        search = CASE WHEN fi.search IS NULL
          THEN feedback_item_vector(fi.language, fi.comment, fi.term, fi.proposed_wording, fi.country_context) ELSE fi.search END,
        fingerprint = CASE WHEN fi.search IS NULL THEN feedback_item_fingerprint(fi.comment) ELSE fi.fingerprint END
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.version)}::text[], ${langs}::varchar[]) AS d(id, version, lang)
      WHERE fi.id = d.id AND fi.xmin::text = d.version`;
    done += rows.length;
    if (rows.length < BATCH || Date.now() >= until || requestsInFlight() > BUSY_IN_FLIGHT) return done;
  }
}
