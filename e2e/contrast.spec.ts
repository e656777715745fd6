// Numbers on coloured backgrounds (issue 13): the moderators' clause × aspect heat map, the queue's counts and the
// public results, scanned by axe while they hold realistic data (counts in the tens and hundreds), not the
// sample's few responses: the heat map's shades only reach their middle steps once counts spread out.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createAccount, createConsultation, expectAccessible, signIn, uniqueSlug, announceChange } from "./helpers";

const RESPONSES = 240;
const CLAUSES = 8;

/**
 * A consultation of eight clauses whose 24 clause × aspect cells hold 10, 20, … 240 items (every step of the
 * heat map, two and three digits), from 240 responses.
 */
async function spreadConsultation(opts: { closed: boolean }) {
  const slug = uniqueSlug("contrast");
  const id = await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (let n = 2; n <= 4; n++) {
      const { rows } = await client.query(
        `INSERT INTO clause (consultation_id, key, kind, number, position, heading_en, heading_fr, body_en, body_fr)
         VALUES ($1, $2, 'principle', $2, $3, $4, $5, 'Principle text.', 'Texte du principe.') RETURNING id`,
        [id, String(n), n * 2, `Principle number ${n}`, `Principe numéro ${n}`],
      );
      await client.query(
        `INSERT INTO clause (consultation_id, parent_id, key, kind, number, position, body_en, body_fr) VALUES ($1, $2, $3, 'action', $3, $4, 'Action text.', 'Texte de l''action.')`,
        [id, rows[0].id, `${n}.1`, n * 2 + 1],
      );
    }
    await client.query(
      `INSERT INTO response (consultation_id, reference, idempotency_key, submitted_at, locale, channel, respondent_type, country, public_sector, publication, privacy_consent_at, organisation_name)
       SELECT $1::uuid, 'CON-' || substr(md5($1::text), 1, 8) || '-' || g, 'con-' || substr(md5($1::text), 1, 8) || '-' || g, now() - (g % 9 || ' days')::interval, 'en', 'web',
         (ARRAY['individual', 'organisation', 'group', 'local_government'])[1 + g % 4]::respondent_type, (ARRAY['FR', 'DE', 'JP', 'CA', 'KE'])[1 + g % 5], g % 2 = 0,
         'anonymous', now(), CASE WHEN g % 4 <> 0 THEN 'Organisation ' || g END
       FROM generate_series(1, $2::int) g`,
      [id, RESPONSES],
    );
    // Cell k (clause k / 3, aspect k % 3) holds the first 10·(k+1) responses' items on it; cleared for publication.
    await client.query(
      `WITH k AS (SELECT array_agg(id ORDER BY position) AS ids FROM clause WHERE consultation_id = $1::uuid),
       r AS (SELECT id, row_number() OVER (ORDER BY number) AS n FROM response WHERE consultation_id = $1::uuid)
       INSERT INTO feedback_item (response_id, clause_id, aspect, position, rating, comment, term, clause_version, cleared_at)
       SELECT r.id, k.ids[1 + c / 3], (ARRAY['clarity', 'language', 'feasibility'])[1 + c % 3]::feedback_aspect, c,
         CASE WHEN c % 3 <> 1 THEN 1 + (r.n % 5)::int END,
         CASE WHEN c % 3 = 0 THEN 'Comment ' || r.n || ' on this clause.' END,
         CASE WHEN c % 3 = 1 THEN 'term ' || (r.n % 7) END, 1, now()
       FROM r CROSS JOIN k CROSS JOIN generate_series(0, $2::int * 3 - 1) c
       WHERE r.n <= 10 * (c + 1)`,
      [id, CLAUSES],
    );
    if (opts.closed) {
      await client.query(`UPDATE consultation SET closes_at = now() - interval '1 millisecond' WHERE id = $1`, [id]);
      await client.query(`UPDATE consultation SET results_published_at = now() WHERE id = $1`, [id]);
    }
  } finally {
    await client.end();
  }
  // Both servers forget the copy they may have read while it was open (another test's home page lists it).
  await announceChange();
  return slug;
}

async function scanAtBothWidths(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.goto(path);
    await ready(page);
    await expectAccessible(page);
  }
}

test("the overview's heat map and the queue keep every number readable (WCAG AA) at counts in the tens and hundreds, en and fr, 1280 and 390 px", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const slug = await spreadConsultation({ closed: false });
  await signIn(page, await createAccount("moderator"));
  for (const locale of ["en", "fr"] as const) {
    await scanAtBothWidths(page, `/${locale}/moderate/overview?c=${slug}`, async (p) => {
      // The heat map holds every step: 10 … 240.
      const heat = p.getByRole("table").first();
      await expect(heat.getByRole("link", { name: "240", exact: true })).toBeVisible();
      await expect(heat.getByRole("link", { name: "130", exact: true })).toBeVisible();
      await expect(heat.getByRole("link", { name: "10", exact: true })).toBeVisible();
    });
    await scanAtBothWidths(page, `/${locale}/moderate?c=${slug}`, async (p) => {
      await expect(p.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(p.getByRole("link", { name: /^(Open|Ouvrir) / }).first()).toBeVisible();
    });
  }
});

test("the public results keep every number readable (WCAG AA) with hundreds of responses, en and fr, 1280 and 390 px", async ({
  page,
}) => {
  const slug = await spreadConsultation({ closed: true });
  // The announcement reaches each server's listener a moment after the SQL: wait until both servers (nginx takes
  // them in turn) show the results, in both languages, before scanning.
  await expect(async () => {
    for (const path of [
      `/en/c/${slug}/results`,
      `/fr/c/${slug}/results`,
      `/en/c/${slug}/results`,
      `/fr/c/${slug}/results`,
    ]) {
      await page.goto(path);
      await expect(page.getByRole("table").first()).toContainText(String(RESPONSES), { timeout: 1_000 });
    }
  }).toPass({ timeout: 30_000 });
  for (const locale of ["en", "fr"] as const) {
    await scanAtBothWidths(page, `/${locale}/c/${slug}/results`, async (p) => {
      await expect(p.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(p.getByRole("table").first()).toContainText(String(RESPONSES));
    });
  }
});
