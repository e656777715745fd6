// The admin's list of accounts: a search over email addresses and names, 50 a page, every account within
// reach however many there are (the page had shown the first 500 and no more, each with its forms).
import { db } from "@/lib/db";

export const ACCOUNTS_PER_PAGE = 50;
/** Longer searches are cut: no email address or name is longer (app_user: 254 and 200 characters). */
export const ACCOUNT_SEARCH_MAX = 254;

export type TAccountListQuery = { q?: string; page?: number };

/**
 * One page of accounts, by role then name (then email, so the order is stable), those whose email address or name
 * contains `q` whatever the case (% and _ are plain characters). A page past the last gives the last; anything but
 * a whole number from 1 gives the first.
 */
export async function listAccounts({ q, page }: TAccountListQuery) {
  const search = (q ?? "").trim().slice(0, ACCOUNT_SEARCH_MAX);
  // Prisma passes `contains` to ILIKE as it is: PostgreSQL's escape character makes % and _ plain.
  const literal = search.replace(/[\\%_]/g, "\\$&");
  const where = search
    ? {
        OR: [
          { email: { contains: literal, mode: "insensitive" as const } },
          { name: { contains: literal, mode: "insensitive" as const } },
        ],
      }
    : {};
  const total = await db.appUser.count({ where });
  const pages = Math.max(1, Math.ceil(total / ACCOUNTS_PER_PAGE));
  const wanted = Number.isSafeInteger(page) && (page as number) >= 1 ? (page as number) : 1;
  const current = Math.min(wanted, pages);
  const accounts = await db.appUser.findMany({
    where,
    orderBy: [{ role: "asc" }, { name: "asc" }, { email: "asc" }],
    skip: (current - 1) * ACCOUNTS_PER_PAGE,
    take: ACCOUNTS_PER_PAGE,
    select: { id: true, email: true, name: true, role: true, country: true, delegationRole: true, disabledAt: true },
  });
  return { accounts, total, page: current, pages, q: search };
}

/** The page's address: ?q=…&page=… (anything else, or a list, is ignored; a malformed page is the first). */
export function parseAccountListQuery(sp: Record<string, string | string[] | undefined>): TAccountListQuery {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const page = Number(one(sp.page));
  return { q: one(sp.q) ?? "", page: Number.isSafeInteger(page) && page >= 1 ? page : 1 };
}
