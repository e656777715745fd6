import { expect, test } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import { createAccount, createConsultation, signIn, sql, uniqueSlug } from "./helpers";

test.use({ javaScriptEnabled: false });

const LETTER =
  "We, the undersigned, ask that the declaration commits every government to publish its experiments openly.";

test("a moderator triages, bulk-tags and finds campaigns without JavaScript", async ({ page, request }) => {
  const slug = uniqueSlug("nojs-mod");
  await createConsultation({ slug, closesAt: new Date(Date.now() + 86_400_000) });
  for (const country of ["FR", "DE"]) {
    const r = await request.post(`/api/consultations/${slug}/responses`, {
      data: {
        generalComment: LETTER,
        respondent: {
          type: "individual",
          country,
          publicSector: false,
          publication: "anonymous",
          privacyConsent: true,
        },
      },
    });
    expect(r.status()).toBe(201);
  }
  await signIn(page, await createAccount("moderator"));
  await page.goto(`/en/moderate?c=${slug}`);

  await page
    .getByRole("link", { name: /^Open / })
    .first()
    .click();
  await page.getByLabel("Status").selectOption({ label: "In review" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("in_review");

  await page.goto(`/en/moderate?c=${slug}`);
  for (const box of await page.getByRole("checkbox", { name: /^Select / }).all()) await box.check();
  const tag = uniqueSlug("tag");
  await page.getByLabel("Add a tag").fill(tag);
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByText("2 items changed.")).toBeVisible();

  // Find campaigns starts a background run; a small one is done before the page answers.
  await page.goto(`/en/moderate?c=${slug}`);
  await page.getByRole("button", { name: "Find campaigns" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 campaign, 2 items grouped." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Campaign of 2" })).toHaveCount(2);
});

test("an admin checks a two-language draft and saves a consultation without JavaScript", async ({ page }) => {
  const slug = uniqueSlug("nojs-authored");
  await signIn(page, await createAccount("admin"), { path: "/en/admin/consultations/new" });
  await page.getByLabel("Web address (slug)").fill(slug);
  await page.getByLabel("Reference prefix").fill("NOJS");
  for (const [label, value] of [
    ["Title in English", "Declaration without scripts"],
    ["Title in French", "Déclaration sans scripts"],
    ["Summary in English", "S."],
    ["Summary in French", "S."],
    ["What feedback is asked for, in English", "Clarity."],
    ["What feedback is asked for, in French", "Clarté."],
    ["Who may respond, in English", "Anyone."],
    ["Who may respond, in French", "Tout le monde."],
  ])
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("Time zone of the dates").selectOption("UTC");
  const local = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
  await page.getByLabel("Opens").fill(local(1));
  await page.getByLabel("Closes (the deadline)").fill(local(30));
  const md = (name: string, text: string) => ({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });
  await page
    .locator("#cf-markdownEnFile")
    .setInputFiles(md("en.md", "Preamble.\n\n## 1. First\nWhy.\n\n1. Act on weak signals.\n2. Build capacity.\n"));
  await page
    .locator("#cf-markdownFrFile")
    .setInputFiles(md("fr.md", "Préambule.\n\n## 1. Premier\nPourquoi.\n\n1. Agir sur les signaux faibles.\n"));
  await page.getByRole("button", { name: "Check the draft" }).click();
  await expect(page.getByTestId("misalignment")).toContainText(
    "Section 1 has 2 numbered items in English and 1 in French",
  );
  // Nothing is lost: the texts and the Markdown read from the files are back in the form.
  await expect(page.getByLabel("Title in English", { exact: true })).toHaveValue("Declaration without scripts");
  await expect(page.locator("#cf-markdownFr")).toHaveValue(/Agir sur les signaux faibles/);
  await page
    .locator("#cf-markdownFr")
    .fill("Préambule.\n\n## 1. Premier\nPourquoi.\n\n1. Agir sur les signaux faibles.\n2. Renforcer les capacités.\n");
  await page.getByRole("button", { name: "Check the draft" }).click();
  await expect(page.getByTestId("aligned")).toContainText("4 clauses");
  await page.getByRole("button", { name: "Save as a draft (not public)" }).click();
  await expect(page.getByRole("heading", { name: "Saved as a draft" })).toBeVisible();
});

test("an invitation is accepted without JavaScript (its page's referrer policy keeps the form's Origin)", async ({
  page,
}) => {
  const admin = await createAccount("admin");
  const [{ id: adminId }] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [admin.email]);
  const token = randomBytes(32).toString("base64url");
  await sql(
    `INSERT INTO invitation (email, name, role, token_hash, invited_by_id, expires_at)
     VALUES ($1, 'Nora No-Script', 'moderator', $2, $3, now() + interval '7 days')`,
    [
      `${uniqueSlug("nojs-invited")}@test.clausewise.invalid`,
      createHash("sha256").update(token).digest("hex"),
      adminId,
    ],
  );
  await page.goto(`/en/invitation/${token}`);
  await page.locator("#accept-password").fill("a long enough passphrase");
  await page.locator("#accept-confirm").fill("a long enough passphrase");
  await page.locator("form button[type=submit]").click();
  await expect(page.getByText("Requests from another site's pages are refused.")).toHaveCount(0);
  await expect(page).not.toHaveURL(/\/invitation\//);
});
