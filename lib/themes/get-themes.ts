// The overview's themes (computed by refresh-themes.ts): per clause and aspect, each language's most frequent
// words and two-word phrases, and when they were computed. One indexed read of a few hundred rows.
import { db } from "@/lib/db";

export type TTheme = { phrase: string; n: number };
export type TThemeGroup = {
  clauseId: string | null;
  aspect: string;
  language: string;
  words: TTheme[];
  phrases: TTheme[];
};

export async function getThemes(
  consultationId: string,
): Promise<{ refreshedAt: Date | null; items: number; groups: TThemeGroup[] }> {
  const [rows, refresh] = await Promise.all([
    db.$queryRaw<
      { clause_id: string | null; aspect: string; language: string; phrase: string; words: number; n: number }[]
    >`
      SELECT clause_id, aspect::text AS aspect, language, phrase, words, n FROM comment_theme
      WHERE consultation_id = ${consultationId}::uuid
      ORDER BY clause_id NULLS LAST, aspect, language, words, rank`,
    db.commentThemeRefresh.findUnique({ where: { consultationId } }),
  ]);
  const groups = new Map<string, TThemeGroup>();
  for (const r of rows) {
    const key = `${r.clause_id}|${r.aspect}|${r.language}`;
    let g = groups.get(key);
    if (!g) {
      g = { clauseId: r.clause_id, aspect: r.aspect, language: r.language, words: [], phrases: [] };
      groups.set(key, g);
    }
    (r.words === 1 ? g.words : g.phrases).push({ phrase: r.phrase, n: r.n });
  }
  return { refreshedAt: refresh?.refreshedAt ?? null, items: refresh?.items ?? 0, groups: [...groups.values()] };
}

/** The languages the consultation's themes were found in (for the queue's language filter): a cheap read. */
export async function themeLanguages(consultationId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ language: string }[]>`
    SELECT DISTINCT language FROM comment_theme WHERE consultation_id = ${consultationId}::uuid ORDER BY 1`;
  return rows.map((r) => r.language);
}
