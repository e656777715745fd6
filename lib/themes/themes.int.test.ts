import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireDatabaseUrl } from "@/lib/env";
import { listFeedback } from "@/lib/feedback/list-feedback";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { createConsultation, respondent } from "@/test/db-fixtures";
import { longestPause } from "@/test/longest-pause";
import { deriveItems } from "@/lib/feedback/derive-items";
import { getThemes, themeLanguages } from "./get-themes";
import { refreshDueThemes, refreshThemes } from "./refresh-themes";

async function comment(slug: string, clarity: string, general?: string) {
  const r = await submitResponse(
    slug,
    ZResponseInput.parse({
      feedback: [{ clause: "1.1", clarity: { rating: 3, comment: clarity } }],
      ...(general ? { generalComment: general } : {}),
      respondent,
    }),
    { locale: "en", channel: "web" },
  );
  if (!r.ok) throw new Error("expected stored");
}

describe("themes of the comments", () => {
  it("count the frequent words and two-word phrases per clause, aspect and language, stop words left out", async () => {
    const c = await createConsultation();
    await comment(c.slug, "The procurement rules are unclear for small suppliers.");
    await comment(c.slug, "Procurement rules should be simpler; the procurement rules differ by country.");
    await comment(c.slug, "I think the procurement rules need a clear definition.");
    await comment(c.slug, "Unrelated remark about training budgets and evaluation of programmes.");
    await comment(
      c.slug,
      "Die Vergaberegeln sind für kleine Unternehmen viel zu kompliziert und sollten deutlich vereinfacht werden.",
    );
    await comment(
      c.slug,
      "Die Vergaberegeln müssen für kleine Unternehmen klarer formuliert und einheitlich angewendet werden.",
    );

    // Before the job: nothing computed, and the overview says so.
    expect((await getThemes(c.id)).refreshedAt).toBeNull();
    expect(await deriveItems()).toBeGreaterThanOrEqual(6);
    const langs = await db.feedbackItem.findMany({
      where: { response: { consultationId: c.id } },
      select: { comment: true, detectedLanguage: true },
    });
    expect(langs.find((x) => x.comment!.startsWith("Die Vergaberegeln sind"))!.detectedLanguage).toBe("deu");
    expect(langs.find((x) => x.comment!.startsWith("The procurement"))!.detectedLanguage).toBe("eng");

    expect(await refreshDueThemes()).toContain(c.id);
    const themes = await getThemes(c.id);
    expect(themes.refreshedAt).toBeInstanceOf(Date);
    expect(themes.items).toBe(6);
    const clause11 = (await db.clause.findFirstOrThrow({ where: { consultationId: c.id, key: "1.1" } })).id;
    const english = themes.groups.find(
      (g) => g.clauseId === clause11 && g.aspect === "clarity" && g.language === "eng",
    );
    expect(english).toBeDefined();
    // "procurement rules": three comments (the second says it twice: counted once per comment).
    expect(english!.phrases[0]).toEqual({ phrase: "procurement rules", n: 3 });
    expect(english!.words).toContainEqual({ phrase: "procurement", n: 3 });
    expect(english!.words).toContainEqual({ phrase: "rules", n: 3 });
    // Stop words and once-only words are left out.
    const all = themes.groups.flatMap((g) => [...g.words, ...g.phrases].map((x) => x.phrase));
    for (const stop of ["the", "are", "should", "think", "training", "und", "für"]) expect(all).not.toContain(stop);
    const german = themes.groups.find((g) => g.language === "deu");
    expect(german!.words).toContainEqual({ phrase: "vergaberegeln", n: 2 });
    expect(german!.phrases).toContainEqual({ phrase: "kleine unternehmen", n: 2 });
    expect(await themeLanguages(c.id)).toEqual(["deu", "eng"]);

    // Nothing new: the job leaves it alone; a new response makes it due again.
    expect(await refreshDueThemes()).not.toContain(c.id);
    // A minute later (the job's next slot is 5 minutes later; its spacing is ten times a computation's length).
    await db.commentThemeRefresh.update({
      where: { consultationId: c.id },
      data: { refreshedAt: new Date(Date.now() - 60_000) },
    });
    await comment(c.slug, "Procurement rules again.");
    expect(await refreshDueThemes()).toContain(c.id);
    expect((await getThemes(c.id)).items).toBe(7);
  });

  it("the queue filters by detected language, 'other' being any but the consultation's", async () => {
    const c = await createConsultation();
    await comment(c.slug, "The procurement rules are unclear for small suppliers and need work.");
    await comment(c.slug, "Las normas de contratación pública son demasiado complicadas para las pequeñas empresas.");
    await deriveItems();
    const spanish = await listFeedback(c.id, { lang: "spa" });
    expect(spanish.items.map((i) => i.detected_language)).toEqual(["spa"]);
    expect(spanish.items[0].comment).toMatch(/^Las normas/);
    const other = await listFeedback(c.id, { lang: "other" });
    expect(other.items.map((i) => i.comment)).toEqual([spanish.items[0].comment]);
    expect((await listFeedback(c.id, { lang: "eng" })).items).toHaveLength(1);
    await refreshThemes(c.id);
    expect((await getThemes(c.id)).items).toBe(2);
  });

  it("detecting thousands of comments never holds the server's event loop (the job shares the web server's process)", async () => {
    const c = await createConsultation();
    await comment(c.slug, "The procurement rules are unclear for small suppliers.");
    const response = await db.response.findFirstOrThrow({ where: { consultationId: c.id }, select: { id: true } });
    // 2,000 long comments (a batch of the job): franc-min reads up to 2,048 characters of each.
    await db.$executeRaw`
      INSERT INTO feedback_item (response_id, aspect, position, comment, language)
      SELECT ${response.id}::uuid, 'general', 10 + g,
        repeat('Les règles des marchés publics sont trop compliquées pour les petites entreprises et les communes. ', 20) || g, 'fr'
      FROM generate_series(1, 2000) AS g`;
    const { result, longestMs } = await longestPause(() => deriveItems());
    expect(result).toBeGreaterThanOrEqual(2001);
    // Time-sliced: a few milliseconds of detection, then the loop turns (requests, timers) before the next slice.
    // Before, one batch of 2,000 ran in one piece (about 1–2 s here; 400 ms with the bench's comments, which shut the
    // server's overload gate and refused a rush's submissions every five minutes).
    expect(longestMs).toBeLessThan(250);
    const fr = await db.feedbackItem.count({ where: { responseId: response.id, detectedLanguage: "fra" } });
    expect(fr).toBe(2000);
  });

  it("a consultation's themes are recomputed at most once per ten times their last computation's length", async () => {
    const c = await createConsultation();
    await comment(c.slug, "The procurement rules are unclear for small suppliers.");
    await refreshThemes(c.id);
    const row = await db.commentThemeRefresh.findUniqueOrThrow({ where: { consultationId: c.id } });
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
    // As if a computation took 60 s (a million comments) and ended 6 minutes ago: due again only after 10 minutes.
    await db.commentThemeRefresh.update({
      where: { consultationId: c.id },
      data: { durationMs: 60_000, refreshedAt: new Date(Date.now() - 6 * 60_000) },
    });
    await comment(c.slug, "Procurement rules again, with a new remark.");
    expect(await refreshDueThemes()).not.toContain(c.id);
    await db.commentThemeRefresh.update({
      where: { consultationId: c.id },
      data: { refreshedAt: new Date(Date.now() - 11 * 60_000) },
    });
    expect(await refreshDueThemes()).toContain(c.id);
  });

  it("a computation under way when a rush begins is stopped at once, and the themes computed before are kept", async () => {
    const c = await createConsultation();
    await comment(c.slug, "The procurement rules are unclear for small suppliers.");
    await comment(c.slug, "Procurement rules should be simpler.");
    await refreshThemes(c.id);
    const before = await getThemes(c.id);
    expect(before.groups.length).toBeGreaterThan(0);
    const phrasesBefore = await db.commentTheme.findMany({ where: { consultationId: c.id }, orderBy: { id: "asc" } });
    await comment(c.slug, "Training budgets are too small, and training budgets differ by ministry.");
    await comment(c.slug, "Training budgets should be published.");
    await db.commentThemeRefresh.update({
      where: { consultationId: c.id },
      data: { refreshedAt: new Date(Date.now() - 60 * 60_000) },
    });

    // What scripts/server.mjs offers: a call when it first refuses a request for its load. Here the test says when.
    const key = Symbol.for("clausewise.onOverload");
    const g = globalThis as Record<symbol, unknown>;
    const saved = g[key];
    const listeners = new Set<() => void>();
    g[key] = (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    // The computation is held inside its transaction (another connection holds its lock), as a long statement would be.
    const holder = new pg.Client({ connectionString: requireDatabaseUrl() });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`themes:${c.id}`]);
      const job = refreshDueThemes();
      for (let i = 0; ; i++) {
        const { rows } = await holder.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND pid <> pg_backend_pid()",
        );
        if (rows[0].n > 0) break;
        if (i > 200) throw new Error("the computation never started");
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(listeners.size).toBe(1);
      for (const listener of listeners) listener();
      // The job ends (without an error, so no retry is spent) while the lock is still held: its statement was cancelled.
      const outcome = await Promise.race([job, new Promise((r) => setTimeout(() => r("still running"), 10_000))]);
      expect(outcome).toEqual([]);
      expect(listeners.size).toBe(0);
    } finally {
      await holder.query("ROLLBACK").catch(() => {});
      await holder.end();
      g[key] = saved;
    }
    // Nothing of the stopped computation: the themes and their date are those of before.
    expect(await db.commentTheme.findMany({ where: { consultationId: c.id }, orderBy: { id: "asc" } })).toEqual(
      phrasesBefore,
    );
    expect((await getThemes(c.id)).items).toBe(before.items);
    // After the rush, the next run computes them.
    expect(await refreshDueThemes()).toContain(c.id);
    expect((await getThemes(c.id)).items).toBe(4);
  });

  it("the job waits while this server refuses requests for load (a rush comes first)", async () => {
    const c = await createConsultation();
    await comment(c.slug, "The procurement rules are unclear for small suppliers.");
    // What scripts/server.mjs says after refusing a request for its load within the minute asked about.
    const key = Symbol.for("clausewise.overloadedWithin");
    const g = globalThis as Record<symbol, unknown>;
    const before = g[key];
    g[key] = (ms: number) => ms >= 60_000;
    try {
      expect(await refreshDueThemes()).toEqual([]);
      const item = await db.feedbackItem.findFirstOrThrow({ where: { response: { consultationId: c.id } } });
      expect(item.detectedLanguage).toBeNull();
    } finally {
      g[key] = before;
    }
    expect(await refreshDueThemes()).toContain(c.id);
  });
});
