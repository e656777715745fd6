import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import pg from "pg";
import { PDFDocument } from "pdf-lib";

/** Every page must pass WCAG 2.2 A and AA as axe checks it. */
export async function expectAccessible(page: Page, opts: { soft?: boolean } = {}) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  // Soft: a walk over many pages names every page that fails, not only the first.
  (opts.soft ? expect.soft(summary, page.url()) : expect(summary)).toEqual([]);
}

/** One query on the test database (the tests' own setup and checks), on a connection of its own. */
export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * After a test changes a consultation by SQL: says so on the channel every app server listens to, as an admin's change
 * does (lib/consultations/cache-bus.ts), so neither server behind nginx keeps the copy it read before (up to 5 s).
 * Returns once the announcement reached a listener of the test's own, which hears it as the servers do.
 */
export async function announceChange(): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("LISTEN clausewise_cache");
    const heard = new Promise<void>((resolve) => client.on("notification", () => resolve()));
    await client.query(`SELECT pg_notify('clausewise_cache', 'consultations')`);
    await heard;
  } finally {
    await client.end();
  }
}

export function uniqueSlug(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A small consultation of the test's own, straight into the database (published, unless `draft`). */
export async function createConsultation(opts: { slug: string; closesAt: Date; opensAt?: Date; draft?: boolean }) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `INSERT INTO consultation (slug, reference_prefix, title_en, title_fr, summary_en, summary_fr, asked_for_en, asked_for_fr,
         audience_en, audience_fr, opens_at, closes_at, time_zone, published_at, original_closes_at)
       VALUES ($1, 'TEST', $2, $3, 'Summary', 'Résumé', 'Asked', 'Demandé', 'Anyone', 'Tout le monde', $4, $5, 'Europe/Paris', $6, $5)
       RETURNING id`,
      [
        opts.slug,
        `Test consultation ${opts.slug}`,
        `Consultation de test ${opts.slug}`,
        opts.opensAt ?? new Date(Date.now() - 60_000),
        opts.closesAt,
        opts.draft ? null : new Date(),
      ],
    );
    const id = rows[0].id;
    const p = await client.query(
      `INSERT INTO clause (consultation_id, key, kind, number, position, heading_en, heading_fr, body_en, body_fr)
       VALUES ($1, '1', 'principle', '1', 0, 'First principle', 'Premier principe', 'Do the first thing.', 'Faire la première chose.') RETURNING id`,
      [id],
    );
    await client.query(
      `INSERT INTO clause (consultation_id, parent_id, key, kind, number, position, body_en, body_fr)
       VALUES ($1, $2, '1.1', 'action', '1.1', 1, 'Act on weak signals.', 'Agir sur les signaux faibles.')`,
      [id, p.rows[0].id],
    );
    return id as string;
  } finally {
    await client.end();
  }
}

export function clauseBlock(page: Page, key: string): Locator {
  return page.locator(`details[data-clause="${key}"]`);
}

/** Opens a clause's block and fills all three aspects. */
export async function fillClause(
  page: Page,
  key: string,
  v: {
    clarity: string;
    comment: string;
    term: string;
    wording: string;
    reason: string;
    feasibility: string;
    context: string;
  },
) {
  const block = clauseBlock(page, key);
  if (!(await block.evaluate((d) => (d as HTMLDetailsElement).open))) await block.locator("summary").click();
  await block
    .getByRole("group", { name: /How clear|Est-ce clair|clair/i })
    .getByLabel(new RegExp(`^${v.clarity}( –|$)`))
    .check();
  await block.getByLabel(/What is unclear/).fill(v.comment);
  await block.getByLabel("Word or phrase").fill(v.term);
  await block.getByLabel("Wording you propose instead").fill(v.wording);
  await block.getByLabel("Why").fill(v.reason);
  await block
    .getByRole("group", { name: "How feasible is it?" })
    .getByLabel(new RegExp(`^${v.feasibility}( –|$)`))
    .check();
  await block.getByLabel(/context/).fill(v.context);
}

export async function fillAboutYou(
  page: Page,
  v: {
    type?: string;
    country?: string;
    organisation?: string;
    publicSector?: string;
    publication?: string;
    consent?: boolean;
  } = {},
) {
  await page
    .getByRole("group", { name: "You are responding as" })
    .getByLabel(v.type ?? "An organisation")
    .check();
  await page.getByLabel("Country", { exact: true }).selectOption({ label: v.country ?? "France" });
  if (v.organisation !== undefined)
    await page.getByLabel("Name of the organisation, group or government").fill(v.organisation);
  await page
    .getByRole("group", { name: "Do you work in the public sector?" })
    .getByLabel(v.publicSector ?? "Yes")
    .check();
  await page
    .getByRole("group", { name: "May we publish your response?" })
    .getByLabel(v.publication ?? "Yes, without my name")
    .check();
  if (v.consent !== false) await page.getByLabel(/I have read the privacy notice/).check();
}

/**
 * Sends a response through the API with the idempotency key of the form on `page`, as if this page had been
 * submitted before (the person went back after the receipt): the form's key is then used.
 */
export async function sendWithThisPagesKey(
  page: Page,
  generalComment: string,
): Promise<{ key: string; reference: string }> {
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  const res = await page.request.post("/api/consultations/dpsi/responses", {
    data: {
      idempotencyKey: key,
      generalComment,
      respondent: { type: "individual", country: "FR", publicSector: true, publication: "none", privacyConsent: true },
    },
  });
  expect(res.status()).toBe(201);
  return { key, reference: (await res.json()).reference };
}

/** An account of the test's own, straight into the database. */
export async function createAccount(
  role: "admin" | "moderator" | "delegate",
  password = "correct horse battery staple",
  delegation: { country: string; delegationRole: "drafter" | "approver" } = {
    country: "FR",
    delegationRole: "drafter",
  },
) {
  const { hash } = await import("@node-rs/argon2");
  const email = `${uniqueSlug(role)}@test.clausewise.invalid`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const d = role === "delegate" ? delegation : { country: null, delegationRole: null };
    await client.query(
      `INSERT INTO app_user (email, name, password_hash, role, country, delegation_role) VALUES ($1, $2, $3, $4, $5, $6)`,
      [email, `Test ${role}`, await hash(password, { algorithm: 2 }), role, d.country, d.delegationRole],
    );
  } finally {
    await client.end();
  }
  return { email, password };
}

export async function signIn(
  page: Page,
  account: { email: string; password: string },
  opts: { path?: string; succeeds?: boolean } = {},
) {
  const path = opts.path ?? "/en/moderate";
  await page.goto(`/en/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The page asked for, its query included ("/en/admin/accounts?q=…").
  const want = new URL(path, "http://localhost");
  if (opts.succeeds !== false)
    await page.waitForURL(
      (u) => u.pathname === want.pathname && u.searchParams.toString() === want.searchParams.toString(),
    );
}

/** Any feedback item's id and its campaign, if any (for refusal tests). */
export async function anyItem() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT id FROM feedback_item ORDER BY id LIMIT 1`);
    return rows[0].id as string;
  } finally {
    await client.end();
  }
}

/** A real one-page PDF: a letter is parsed, not just recognised by its header and trailer. */
export async function signedLetter(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Signed on behalf of the delegation.");
  return Buffer.from(await doc.save());
}

/** Runs `fn` in a browser context of its own without JavaScript (a form's no-JavaScript path); closes it after. */
export async function withoutJavaScript<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}
