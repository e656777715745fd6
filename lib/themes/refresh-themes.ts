// The themes of a consultation's comments: per clause, aspect and language, the ten most frequent words and the
// ten most frequent two-word phrases (stop words, numbers and words under three letters removed; a word counted
// once per comment; two comments at least). Computed in one statement into comment_theme by the refresh-themes job,
// after ingestion (every few minutes when something new came in), so the overview reads a few hundred rows at any
// size; comment_theme_refresh says when, shown beside them.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
import { overloadedWithin } from "@/lib/http/load-state";
import { deriveItems } from "@/lib/feedback/derive-items";
import { StoppedForRush, stoppableByRush } from "@/lib/jobs/stop-for-rush";
import { STOP_WORDS } from "./stop-words";

/** ISO 639-3 → PostgreSQL's Snowball dictionary of that language (its stop words). */
const SNOWBALL: Record<string, string> = {
  eng: "english_stem",
  fra: "french_stem",
  deu: "german_stem",
  spa: "spanish_stem",
  ita: "italian_stem",
  por: "portuguese_stem",
  nld: "dutch_stem",
  swe: "swedish_stem",
  dan: "danish_stem",
  nob: "norwegian_stem",
  fin: "finnish_stem",
  hun: "hungarian_stem",
  rus: "russian_stem",
  tur: "turkish_stem",
  ron: "romanian_stem",
};
// Constant SQL (no value of anyone's), composed once.
const SNOWBALL_CASE = Prisma.raw(
  Object.entries(SNOWBALL)
    .map(([code, dict]) => `WHEN '${code}' THEN '${dict}'`)
    .join(" "),
);

/** Per clause, aspect, language and length (word or phrase), how many are kept. */
export const THEMES_PER_GROUP = 10;

/**
 * Recomputes one consultation's themes (replacing the previous ones in one transaction). A rush of requests that
 * begins meanwhile stops it (StoppedForRush, lib/jobs/stop-for-rush.ts): the themes of before stay.
 */
export async function refreshThemes(consultationId: string): Promise<{ items: number }> {
  const started = performance.now();
  return db.$transaction(
    (tx) =>
      stoppableByRush(tx, "themes", async (check) => {
        // One refresh of a consultation at a time (a slow run and the next crontab slot): the second waits, then redoes it.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`themes:${consultationId}`}, 0))`;
        check();
        await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
        await tx.$executeRaw`DELETE FROM comment_theme WHERE consultation_id = ${consultationId}::uuid`;
        check();
        await tx.$executeRaw`
        WITH items AS (
          SELECT fi.id, fi.clause_id, fi.aspect, fi.comment,
            -- franc-min's language when it could tell, else the cheap en/fr guess made at write time
            CASE WHEN fi.detected_language IS NOT NULL AND fi.detected_language <> 'und' THEN fi.detected_language
                 WHEN COALESCE(fi.language, r.locale) = 'fr' THEN 'fra' ELSE 'eng' END AS lang
          FROM feedback_item fi JOIN response r ON r.id = fi.response_id
          WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL AND fi.comment IS NOT NULL
        ),
        tokens AS (
          SELECT i.id, i.clause_id, i.aspect, i.lang, t.w, t.pos
          FROM items i, regexp_split_to_table(lower(i.comment), '[[:space:][:punct:]’‘“”«»…–—]+') WITH ORDINALITY AS t(w, pos)
        ),
        flagged AS (
          SELECT t.*, (length(t.w) < 3 OR t.w ~ '^[0-9]' OR s.w IS NOT NULL) AS stop
          FROM tokens t LEFT JOIN unnest(${STOP_WORDS}::text[]) AS s(w) ON s.w = t.w
        ),
        paired AS (
          SELECT f.*, lead(f.w) OVER w AS w2, lead(f.stop) OVER w AS stop2
          FROM flagged f WINDOW w AS (PARTITION BY f.id ORDER BY f.pos)
        ),
        phrases AS (
          SELECT DISTINCT id, clause_id, aspect, lang, w AS phrase, 1 AS words FROM paired WHERE NOT stop
          UNION ALL
          SELECT DISTINCT id, clause_id, aspect, lang, w || ' ' || w2, 2 FROM paired WHERE NOT stop AND NOT stop2
        ),
        counted AS (
          SELECT clause_id, aspect, lang, phrase, words, count(*) AS n FROM phrases
          GROUP BY 1, 2, 3, 4, 5 HAVING count(*) >= 2
        ),
        -- Other languages' stop words, from PostgreSQL's own Snowball dictionaries (a stop word lexes to '{}'):
        -- asked of the few counted candidates, not of every word.
        kept AS (
          SELECT k.* FROM counted k
          WHERE NOT EXISTS (
            SELECT 1 FROM unnest(string_to_array(k.phrase, ' ')) AS x(w)
            WHERE ts_lexize((CASE k.lang ${SNOWBALL_CASE} ELSE 'simple' END)::regdictionary, x.w) = '{}'
          )
        ),
        ranked AS (
          SELECT c.*, row_number() OVER (PARTITION BY clause_id, aspect, lang, words ORDER BY n DESC, phrase) AS rank
          FROM kept c
        )
        INSERT INTO comment_theme (consultation_id, clause_id, aspect, language, phrase, words, n, rank)
        SELECT ${consultationId}::uuid, clause_id, aspect, lang, left(phrase, 200), words, n, rank
        FROM ranked WHERE rank <= ${THEMES_PER_GROUP}`;
        check();
        const [{ items }] = await tx.$queryRaw<{ items: number }[]>`
        SELECT count(*)::int AS items FROM feedback_item fi JOIN response r ON r.id = fi.response_id
        WHERE r.consultation_id = ${consultationId}::uuid AND r.withdrawn_at IS NULL AND fi.comment IS NOT NULL`;
        await tx.$executeRaw`
        INSERT INTO comment_theme_refresh (consultation_id, refreshed_at, items, duration_ms)
        VALUES (${consultationId}::uuid, ${now()}, ${items}, ${Math.round(performance.now() - started)})
        ON CONFLICT (consultation_id) DO UPDATE
        SET refreshed_at = EXCLUDED.refreshed_at, items = EXCLUDED.items, duration_ms = EXCLUDED.duration_ms`;
        return { items };
      }),
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}

/** A consultation's themes wait at least this many times their last computation's length before the next one. */
export const REFRESH_SPACING = 10;

/**
 * The job's work: derive new items (their comments' languages among them), then recompute the themes of every consultation that
 * received a response since its themes were computed (or never had them), unless its last computation ended less
 * than REFRESH_SPACING times its length ago. Nothing while this server refuses requests for its load (in the last
 * minute), and a computation under way stops when a rush begins: submissions come first, the themes catch up after
 * the rush. Returns the consultations refreshed.
 */
export async function refreshDueThemes(): Promise<string[]> {
  if (overloadedWithin(60_000)) return [];
  await deriveItems();
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM consultation c LEFT JOIN comment_theme_refresh t ON t.consultation_id = c.id
    WHERE (t.consultation_id IS NULL OR t.refreshed_at + t.duration_ms * ${REFRESH_SPACING} * interval '1 millisecond' <= ${now()})
      AND (EXISTS (SELECT 1 FROM response r WHERE r.consultation_id = c.id
                   AND (t.refreshed_at IS NULL OR r.submitted_at >= t.refreshed_at))
        OR EXISTS (SELECT 1 FROM response r WHERE r.consultation_id = c.id AND r.withdrawn_at >= t.refreshed_at))`;
  const refreshed: string[] = [];
  for (const { id } of due) {
    try {
      await refreshThemes(id);
    } catch (e) {
      // Not a failure (no retry spent): the next run after the rush computes them.
      if (!(e instanceof StoppedForRush)) throw e;
      console.warn(`[themes] ${e.message}; they are computed again after it`);
      break;
    }
    refreshed.push(id);
  }
  return refreshed;
}
