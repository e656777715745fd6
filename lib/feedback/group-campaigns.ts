// Groups a consultation's form letters and copy-paste campaigns.
// Only comments of at least CAMPAIGN_MIN_CHARS (40) characters once folded
// (lower-cased, punctuation and spacing folded, as the fingerprint is) take part:
// "I agree" a hundred times is agreement, not a campaign.
// 1. identical comments (the same fingerprint) are one "letter" with a weight
//    (its copies); a letter with two or more copies is a campaign;
// 2. each letter is cut into phrases (at . ! ? ; : , and line breaks; phrases
//    under 20 folded characters, such as "Thank you" or a name, are left out);
//    letters that share a phrase with another are clustered in memory, heaviest
//    first: a letter joins the campaign whose first letter (its seed) shares
//    at least half of their phrases (Dice: 2·shared / (phrases of both) ≥ 0.5),
//    so a sentence added, removed or reworded keeps it in, one common phrase
//    ("Dear members of the committee") does not;
// 3. a letter still alone that begins or ends as a seed does (30 folded
//    characters) and is near-identical to it (pg_trgm similarity ≥ 0.75) joins
//    it: one long sentence with a word changed.
// Then each group is matched with the campaign that already holds most of its
// items (so a merge done by a moderator holds), else with the campaign of its
// seed's fingerprint (following a merge), else a new campaign. Items a
// moderator removed from a campaign (campaign_exclusion) never take part.
// Membership written by a run is not a moderation decision: no version bump and
// no moderation_event (the run itself is recorded in campaign_run); the
// moderators' own changes (remove, merge: lib/campaigns/) are audited.
// Items keep everything of their own: a campaign is only a label on them.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { timeSlices } from "@/lib/event-loop-slices";

export const SIMILARITY = 0.75;
/** Phrases shorter than this (folded) do not count: greetings, names, "Thank you". */
export const PHRASE_MIN_CHARS = 20;
/** Dice coefficient of phrases with a campaign's seed needed to join it. */
export const PHRASE_OVERLAP = 0.5;
/** Near-identical candidates begin or end with the same this many folded characters. */
export const EDGE_CHARS = 30;

type TTx = Pick<typeof db, "$executeRaw">;

// An item's fingerprint: derived in the background (lib/feedback/derive-items.ts), computed here with the same
// function for the items the job has not seen yet, so a run right after a rush misses none.
const FINGERPRINT = Prisma.sql`coalesce(fi.fingerprint, feedback_item_fingerprint(fi.comment))`;
type TLetter = { fp: string; n: number; phrases: string[] };

/**
 * Greedy clustering, heaviest letter first; returns fingerprint → seed fingerprint (for letters in a group).
 * In time slices (lib/event-loop-slices.ts): 200,000 letters took 3–5 s, which held the web server's event loop.
 */
export async function clusterLetters(letters: TLetter[]): Promise<Map<string, string>> {
  const slice = timeSlices();
  const sorted = [...letters].sort(
    (a, b) => b.n - a.n || b.phrases.length - a.phrases.length || (a.fp < b.fp ? -1 : 1),
  );
  const seeds: { fp: string; phrases: Set<string>; weight: number }[] = [];
  const byPhrase = new Map<string, number[]>();
  const seedOf = new Map<string, number>();
  for (const l of sorted) {
    if (slice.over()) await slice.pause();
    const mine = new Set(l.phrases);
    const shared = new Map<number, number>();
    for (const p of mine) for (const s of byPhrase.get(p) ?? []) shared.set(s, (shared.get(s) ?? 0) + 1);
    let best = -1;
    let bestScore = 0;
    for (const [s, k] of shared) {
      const score = (2 * k) / (mine.size + seeds[s].phrases.size);
      if (score >= PHRASE_OVERLAP && (score > bestScore || (score === bestScore && s < best)))
        [best, bestScore] = [s, score];
    }
    if (best >= 0) {
      seedOf.set(l.fp, best);
      seeds[best].weight += l.n;
      continue;
    }
    const index = seeds.push({ fp: l.fp, phrases: mine, weight: l.n }) - 1;
    seedOf.set(l.fp, index);
    for (const p of mine) byPhrase.set(p, [...(byPhrase.get(p) ?? []), index]);
  }
  const out = new Map<string, string>();
  for (const [fp, s] of seedOf) if (seeds[s].weight >= 2) out.set(fp, seeds[s].fp);
  return out;
}

export async function groupCampaigns(consultationId: string): Promise<{ campaigns: number; grouped: number }> {
  const minChars = env().CAMPAIGN_MIN_CHARS;
  return db.$transaction(
    async (tx) => {
      // The letters: one row per distinct fingerprint of the long enough, not removed items.
      await tx.$executeRaw`
        CREATE TEMP TABLE cw_letter ON COMMIT DROP AS
        SELECT x.fp, x.n, x.comment, left(f.folded, ${EDGE_CHARS}) AS head, right(f.folded, ${EDGE_CHARS}) AS tail
        FROM (
          SELECT ${FINGERPRINT} AS fp, count(*)::int AS n, min(fi.comment) AS comment
          FROM feedback_item fi JOIN response r ON r.id = fi.response_id
          WHERE r.consultation_id = ${consultationId}::uuid AND ${FINGERPRINT} IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM campaign_exclusion x WHERE x.feedback_item_id = fi.id)
          GROUP BY 1
        ) x CROSS JOIN LATERAL (SELECT btrim(regexp_replace(lower(x.comment), '[^[:alnum:]]+', ' ', 'g')) AS folded) f
        -- One fingerprint, one folded text: its length is measured once per letter, not per copy.
        WHERE char_length(f.folded) >= ${minChars}`;
      await tx.$executeRaw`
        CREATE TEMP TABLE cw_phrase ON COMMIT DROP AS
        SELECT DISTINCT l.fp, md5(f.folded) AS h
        FROM cw_letter l
        CROSS JOIN LATERAL regexp_split_to_table(l.comment, '[.!?;:,\n]+') AS s(part)
        CROSS JOIN LATERAL (SELECT btrim(regexp_replace(lower(s.part), '[^[:alnum:]]+', ' ', 'g')) AS folded) f
        WHERE char_length(f.folded) >= ${PHRASE_MIN_CHARS}`;
      // Only letters with copies, or sharing a phrase with another letter, can be in a campaign so far.
      const letters = await tx.$queryRaw<TLetter[]>`
        WITH shared AS (SELECT h FROM cw_phrase GROUP BY h HAVING count(*) >= 2),
        candidates AS (
          SELECT fp FROM cw_letter WHERE n >= 2
          UNION SELECT DISTINCT p.fp FROM cw_phrase p JOIN shared USING (h)
        )
        SELECT l.fp, l.n, coalesce(array_agg(p.h) FILTER (WHERE p.h IS NOT NULL), '{}') AS phrases
        FROM candidates c JOIN cw_letter l USING (fp) LEFT JOIN cw_phrase p ON p.fp = c.fp
        GROUP BY l.fp, l.n`;
      const seedOf = await clusterLetters(letters);
      await tx.$executeRaw`CREATE TEMP TABLE cw_group (fp char(32) PRIMARY KEY, seed char(32) NOT NULL) ON COMMIT DROP`;
      await tx.$executeRaw`INSERT INTO cw_group (fp, seed) SELECT * FROM unnest(${[...seedOf.keys()]}::text[], ${[...seedOf.values()]}::text[])`;

      // Near-identical single letters (one long sentence, a word changed): compared only with the seeds
      // that begin or end as they do (the first or last 30 folded characters), then by similarity.
      await tx.$executeRaw`
        CREATE TEMP TABLE cw_seed ON COMMIT DROP AS
        SELECT DISTINCT g.seed, l.comment, l.head, l.tail FROM cw_group g JOIN cw_letter l ON l.fp = g.seed`;
      await tx.$executeRaw`ANALYZE cw_seed`;
      await tx.$executeRaw`
        INSERT INTO cw_group (fp, seed)
        SELECT DISTINCT ON (p.fp) p.fp, p.seed
        FROM (
          SELECT l.fp, s.seed, l.comment, s.comment AS seed_comment FROM cw_letter l JOIN cw_seed s ON s.head = l.head
          UNION
          SELECT l.fp, s.seed, l.comment, s.comment FROM cw_letter l JOIN cw_seed s ON s.tail = l.tail
        ) p
        WHERE NOT EXISTS (SELECT 1 FROM cw_group g WHERE g.fp = p.fp) AND similarity(p.seed_comment, p.comment) >= ${SIMILARITY}::real
        ORDER BY p.fp, similarity(p.seed_comment, p.comment) DESC, p.seed`;

      // Each group's campaign: the one holding most of its items already, else its seed's (or what it was merged into), else new.
      await tx.$executeRaw`
        CREATE TEMP TABLE cw_member ON COMMIT DROP AS
        SELECT fi.id, tr.campaign_id, g.seed
        FROM feedback_item fi JOIN feedback_triage tr ON tr.feedback_item_id = fi.id
        JOIN response r ON r.id = fi.response_id JOIN cw_group g ON g.fp = ${FINGERPRINT}
        WHERE r.consultation_id = ${consultationId}::uuid -- the same fingerprint, the same folded text: long enough
          AND NOT EXISTS (SELECT 1 FROM campaign_exclusion x WHERE x.feedback_item_id = fi.id)`;
      await tx.$executeRaw`ANALYZE cw_member`;
      await tx.$executeRaw`
        INSERT INTO campaign (consultation_id, fingerprint, sample)
        SELECT ${consultationId}::uuid, g.seed, left(l.comment, 5000)
        FROM (SELECT DISTINCT seed FROM cw_group) g JOIN cw_letter l ON l.fp = g.seed
        WHERE g.seed NOT IN (
          SELECT m.seed FROM cw_member m JOIN campaign cp ON cp.id = m.campaign_id AND cp.merged_into_id IS NULL
        )
        ON CONFLICT (consultation_id, fingerprint) DO NOTHING`;
      // One aggregate over the members (not one scan of them per group).
      await tx.$executeRaw`
        CREATE TEMP TABLE cw_target ON COMMIT DROP AS
        WITH votes AS (
          SELECT m.seed, m.campaign_id, count(*) AS n
          FROM cw_member m JOIN campaign c2 ON c2.id = m.campaign_id AND c2.merged_into_id IS NULL
          GROUP BY 1, 2
        ), best AS (
          SELECT DISTINCT ON (seed) seed, campaign_id FROM votes ORDER BY seed, n DESC, campaign_id
        )
        SELECT g.seed, coalesce(b.campaign_id, cp.merged_into_id, cp.id) AS campaign_id
        FROM (SELECT DISTINCT seed FROM cw_group) g
        LEFT JOIN best b ON b.seed = g.seed
        LEFT JOIN campaign cp ON cp.consultation_id = ${consultationId}::uuid AND cp.fingerprint = g.seed`;
      await tx.$executeRaw`ANALYZE cw_target`;
      await tx.$executeRaw`
        UPDATE feedback_triage tr SET campaign_id = t.campaign_id
        FROM cw_member m JOIN cw_target t ON t.seed = m.seed
        WHERE tr.feedback_item_id = m.id AND m.campaign_id IS DISTINCT FROM t.campaign_id`;
      // Items of this consultation no longer in any group (too short now, or their group is gone).
      await tx.$executeRaw`
        UPDATE feedback_triage tr SET campaign_id = NULL
        FROM campaign cp
        WHERE cp.consultation_id = ${consultationId}::uuid AND tr.campaign_id = cp.id
          AND NOT EXISTS (SELECT 1 FROM cw_member m WHERE m.id = tr.feedback_item_id)`;
      await tx.$executeRaw`
        DELETE FROM campaign cp WHERE cp.consultation_id = ${consultationId}::uuid AND cp.merged_into_id IS NULL AND cp.size < 2`;
      await refreshDateRanges(tx, consultationId);
      const [row] = await tx.$queryRaw<{ campaigns: bigint; grouped: bigint | null }[]>`
        SELECT count(*) AS campaigns, sum(size) AS grouped FROM campaign WHERE consultation_id = ${consultationId}::uuid AND merged_into_id IS NULL`;
      return { campaigns: Number(row.campaigns), grouped: Number(row.grouped ?? 0) };
    },
    // In the background (find-campaigns.ts): a million items with a 500,000-item group take tens of seconds on 2 cores.
    { timeout: 600_000, maxWait: 30_000 },
  );
}

/** first_at/last_at (the members' submission range) of the consultation's campaigns, or of the ones given. */
export async function refreshDateRanges(tx: TTx, consultationId: string, campaignIds?: string[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE campaign cp SET first_at = s.first_at, last_at = s.last_at
    FROM (
      SELECT tr.campaign_id, min(r.submitted_at) AS first_at, max(r.submitted_at) AS last_at
      FROM feedback_triage tr JOIN feedback_item fi ON fi.id = tr.feedback_item_id JOIN response r ON r.id = fi.response_id
      WHERE tr.campaign_id IN (
        SELECT id FROM campaign WHERE consultation_id = ${consultationId}::uuid AND merged_into_id IS NULL
          AND (${campaignIds ?? null}::uuid[] IS NULL OR id = ANY(${campaignIds ?? null}::uuid[]))
      )
      GROUP BY tr.campaign_id
    ) s
    WHERE cp.id = s.campaign_id AND (cp.first_at, cp.last_at) IS DISTINCT FROM (s.first_at, s.last_at)`;
}
