import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueSlug } from "@/test/db-fixtures";
import { ACCOUNTS_PER_PAGE, listAccounts } from "./list-accounts";

/** `n` accounts whose emails and names carry `tag`, straight into the table (no password is ever checked here). */
async function accounts(tag: string, n: number, role: "moderator" | "admin" = "moderator") {
  await db.$executeRaw`
    INSERT INTO app_user (email, name, password_hash, role)
    SELECT ${tag} || '-' || i || '@example.org', 'Name ' || ${tag} || ' ' || lpad(i::text, 4, '0'),
           '$argon2id$not-a-real-hash', ${role}::role
    FROM generate_series(1, ${n}::int) i`;
}

describe("listAccounts", () => {
  it("pages through every account matching a search, 50 at a time, each once: none is out of reach past the 500th", async () => {
    const tag = uniqueSlug("many");
    await accounts(tag, 2 * ACCOUNTS_PER_PAGE + 7);
    const first = await listAccounts({ q: tag });
    expect(first.total).toBe(2 * ACCOUNTS_PER_PAGE + 7);
    expect(first.pages).toBe(3);
    expect(first.accounts).toHaveLength(ACCOUNTS_PER_PAGE);
    const seen = new Set(first.accounts.map((a) => a.id));
    for (const page of [2, 3]) {
      const next = await listAccounts({ q: tag, page });
      expect(next.page).toBe(page);
      for (const a of next.accounts) seen.add(a.id);
    }
    expect(seen.size).toBe(2 * ACCOUNTS_PER_PAGE + 7);
    // In name order within a role.
    expect(first.accounts[0].name).toBe(`Name ${tag} 0001`);
    // With no search, all accounts are counted, whatever their number (there were 500 at most before).
    const all = await listAccounts({});
    expect(all.total).toBeGreaterThanOrEqual(2 * ACCOUNTS_PER_PAGE + 7);
    expect(all.accounts).toHaveLength(ACCOUNTS_PER_PAGE);
  });

  it("finds an account by part of its email or its name, whatever the case; % and _ match only themselves", async () => {
    const tag = uniqueSlug("find");
    await accounts(tag, 3);
    const byEmail = await listAccounts({ q: `${tag}-2@EXAMPLE.org` });
    expect(byEmail.accounts.map((a) => a.email)).toEqual([`${tag}-2@example.org`]);
    const byName = await listAccounts({ q: `name ${tag.toUpperCase()} 0003` });
    expect(byName.accounts.map((a) => a.email)).toEqual([`${tag}-3@example.org`]);
    expect((await listAccounts({ q: `${tag}%` })).total).toBe(0);
    expect((await listAccounts({ q: `${tag}-_@` })).total).toBe(0);
    expect((await listAccounts({ q: "  " })).total).toBe((await listAccounts({})).total);
  });

  it("a page past the last, or not a page at all, shows the last or the first", async () => {
    const tag = uniqueSlug("past");
    await accounts(tag, 3);
    expect(await listAccounts({ q: tag, page: 99 })).toMatchObject({ page: 1, pages: 1, total: 3 });
    expect(await listAccounts({ q: tag, page: -4 })).toMatchObject({ page: 1, total: 3 });
    expect(await listAccounts({ q: `${tag}-nobody` })).toMatchObject({ page: 1, pages: 1, total: 0, accounts: [] });
  });
});
