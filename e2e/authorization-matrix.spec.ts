import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { anyItem, createAccount, signIn } from "./helpers";

type TActor = "anonymous" | "delegate FR" | "delegate DE" | "moderator" | "admin";
const ACTORS: TActor[] = ["anonymous", "delegate FR", "delegate DE", "moderator", "admin"];
type TOutcome = "ok" | "sign-in" | "not found" | "delegation";

async function as(browser: Browser, actor: TActor): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (actor === "anonymous") return page;
  const account = actor.startsWith("delegate")
    ? await createAccount("delegate", undefined, {
        country: actor.endsWith("FR") ? "FR" : "DE",
        delegationRole: "approver",
      })
    : await createAccount(actor as "moderator" | "admin");
  await signIn(page, account, { path: "/en" });
  return page;
}

/** A letter in France's workspace for the sample consultation, straight into the database. */
async function frenchLetter(): Promise<string> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const { rows } = await c.query(
      `INSERT INTO formal_response (consultation_id, country) SELECT id, 'FR' FROM consultation WHERE slug = 'dpsi'
       ON CONFLICT (consultation_id, country) DO UPDATE SET country = EXCLUDED.country RETURNING id`,
    );
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
    await c.query(
      `INSERT INTO formal_letter (formal_response_id, file_name, size, sha256, content) VALUES ($1, 'fr.pdf', $2, repeat('a', 64), $3)
       ON CONFLICT (formal_response_id) DO NOTHING`,
      [rows[0].id, pdf.length, pdf],
    );
    return rows[0].id;
  } finally {
    await c.end();
  }
}

test("the authorization matrix: every staff page and route × anonymous, a delegate of the country, of another country, a moderator, an admin", async ({
  browser,
  request,
}) => {
  test.setTimeout(450_000);
  const made = await request.post("/api/consultations/dpsi/responses", {
    data: {
      generalComment: "For the matrix.",
      respondent: { type: "individual", country: "AT", publicSector: true, publication: "none", privacyConsent: true },
    },
  });
  expect(made.status()).toBe(201);
  const item = await anyItem();
  const letter = await frenchLetter();
  const mod: Record<TActor, TOutcome> = {
    anonymous: "sign-in",
    "delegate FR": "not found",
    "delegate DE": "not found",
    moderator: "ok",
    admin: "ok",
  };
  const adminOnly: Record<TActor, TOutcome> = {
    anonymous: "sign-in",
    "delegate FR": "not found",
    "delegate DE": "not found",
    moderator: "not found",
    admin: "ok",
  };
  const pages: [string, Record<TActor, TOutcome>][] = [
    ["/en/moderate?c=dpsi", { ...mod, "delegate FR": "delegation", "delegate DE": "delegation" }],
    ["/en/moderate/overview?c=dpsi", mod],
    ["/en/moderate/formal?c=dpsi", mod],
    ["/en/moderate/countries?c=dpsi", mod],
    ["/en/moderate/key-in?c=dpsi", mod],
    [`/en/moderate/items/${item}`, mod],
    ["/en/admin", adminOnly],
    ["/en/admin/privacy", adminOnly],
    ["/en/admin/accounts", adminOnly],
    ["/en/admin/consultations", adminOnly],
    ["/en/admin/jobs", adminOnly],
    ["/en/admin/consultations/new", adminOnly],
    ["/en/admin/consultations/dpsi", adminOnly],
    ["/en/admin/consultations/dpsi/edit", adminOnly],
    ["/en/admin/consultations/dpsi/redraft", adminOnly],
    [
      "/en/delegation/dpsi",
      { anonymous: "sign-in", "delegate FR": "ok", "delegate DE": "ok", moderator: "not found", admin: "not found" },
    ],
  ];
  // Routes: [path, expected status per actor]
  const routes: [string, Record<TActor, number>][] = [
    [
      "/api/moderate/consultations/dpsi/export?format=csv",
      { anonymous: 401, "delegate FR": 403, "delegate DE": 403, moderator: 200, admin: 200 },
    ],
    [
      "/api/moderate/consultations/dpsi/export?what=audit",
      { anonymous: 401, "delegate FR": 403, "delegate DE": 403, moderator: 200, admin: 200 },
    ],
    [
      "/api/moderate/consultations/dpsi/countries",
      { anonymous: 401, "delegate FR": 403, "delegate DE": 403, moderator: 200, admin: 200 },
    ],
    [
      `/api/formal/${letter}/letter`,
      { anonymous: 404, "delegate FR": 200, "delegate DE": 404, moderator: 200, admin: 200 },
    ],
  ];
  const seen: string[] = [];
  for (const actor of ACTORS) {
    const page = await as(browser, actor);
    for (const [path, expected] of pages) {
      await page.goto(path);
      const url = new URL(page.url());
      const heading = (await page.getByRole("heading", { level: 1 }).first().textContent()) ?? "";
      const outcome: TOutcome = url.pathname.endsWith("/sign-in")
        ? "sign-in"
        : url.pathname === "/en/delegation" && !path.startsWith("/en/delegation")
          ? "delegation"
          : /Page not found/.test(heading)
            ? "not found"
            : "ok";
      seen.push(`${actor} ${path} ${outcome}`);
      expect(outcome, `${actor} → ${path}`).toBe(expected[actor]);
    }
    for (const [path, expected] of routes) {
      const status = (await page.request.get(path)).status();
      seen.push(`${actor} ${path} ${status}`);
      expect(status, `${actor} → ${path}`).toBe(expected[actor]);
    }
    await page.context().close();
  }
  expect(seen).toHaveLength(ACTORS.length * (pages.length + routes.length));
});
