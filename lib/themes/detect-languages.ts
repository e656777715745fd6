// The language of each comment, detected by franc-min (ISO 639-3: "eng", "fra", "deu"…; "und" when the text is
// too short or too mixed to tell), in the background (the refresh-themes job): franc costs tens of microseconds a
// comment, which the ingest path does not pay. The cheap en/fr guess made at write time (lib/responses/text-language.ts)
// stays what the full-text vector is built with; this one tells other languages apart, for the queue's filter and mark.
import { franc } from "franc-min";
import { db } from "@/lib/db";

/** Languages a consultation is held in: a comment detected in another one is marked in the queue. */
export const CONSULTATION_LANGUAGES = ["eng", "fra"] as const;

/** franc-min's guess for one text ("und" when it cannot tell). */
export function detectLanguage(text: string): string {
  return franc(text, { minLength: 12 });
}

/** A comment detected in a language other than the consultation's (not "und", which cannot tell). */
export function isOtherLanguage(code: string | null): boolean {
  return !!code && code !== "und" && !(CONSULTATION_LANGUAGES as readonly string[]).includes(code);
}

/**
 * Between English and French franc-min is unreliable on short texts ("Synthetic comment on partnership" reads as
 * French): there the write-time guess, made for exactly these two languages from their commonest words, decides.
 */
function consultationAware(detected: string, writeTime: string | null): string {
  if ((detected === "eng" || detected === "fra") && writeTime) return writeTime === "fr" ? "fra" : "eng";
  return detected;
}

const BATCH = 2000;
/** The longest the job computes before letting the loop turn: it runs in the web server's process. */
export const SLICE_MS = 5;

/**
 * Maps `rows` a few milliseconds at a time, letting the event loop turn between slices (`setImmediate`): the job
 * shares the web server's process, and 2,000 comments in one piece held it for 0.4–0.8 s, long enough for its
 * overload gate to refuse a rush's submissions.
 */
async function inSlices<T, R>(rows: readonly T[], fn: (row: T) => R): Promise<R[]> {
  const out: R[] = [];
  let sliceEnd = performance.now() + SLICE_MS;
  for (const row of rows) {
    out.push(fn(row));
    if (performance.now() >= sliceEnd) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceEnd = performance.now() + SLICE_MS;
    }
  }
  return out;
}

/**
 * Detects the language of comments not seen yet, `BATCH` at a time, until none is left or `budgetMs` has passed.
 * Returns how many it detected.
 */
export async function detectLanguages(budgetMs = 60_000): Promise<number> {
  const until = Date.now() + budgetMs;
  let done = 0;
  for (;;) {
    // The partial index feedback_item_undetected_idx holds exactly these rows.
    const rows = await db.$queryRaw<{ id: string; comment: string; language: string | null }[]>`
      SELECT id, comment, language FROM feedback_item
      WHERE detected_language IS NULL AND comment IS NOT NULL
      ORDER BY id LIMIT ${BATCH}`;
    if (!rows.length) return done;
    const ids = rows.map((r) => r.id);
    const langs = await inSlices(rows, (r) => consultationAware(detectLanguage(r.comment), r.language));
    await db.$executeRaw`
      UPDATE feedback_item fi SET detected_language = d.lang
      FROM unnest(${ids}::uuid[], ${langs}::varchar[]) AS d(id, lang)
      WHERE fi.id = d.id`;
    done += rows.length;
    if (rows.length < BATCH || Date.now() >= until) return done;
  }
}
