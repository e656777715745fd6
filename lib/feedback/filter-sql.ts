// The queue's condition (queue-filter.ts) for the Prisma client's tagged queries. Its own
// module so queue-filter.ts, which client components reach through the saved views' schema,
// never pulls the database client into a browser bundle.
import { Prisma } from "@/lib/generated/prisma/client";
import { numberedSql } from "@/lib/numbered-sql";
import { filterWhere, QUEUE_FROM, searchCondition, type TQueueFilter } from "./queue-filter";

/** QUEUE_FROM (item fi, its moderation state tr, response r, clause c) for tagged queries. */
export const QUEUE_FROM_SQL = Prisma.raw(QUEUE_FROM);

/**
 * `filterWhere`'s condition as a Prisma.Sql, for the Prisma client's tagged queries: only its
 * constant SQL is kept as text, every value stays bound. (`filterWhere` itself stays for the
 * export's pg cursor, which takes numbered parameters.)
 */
export function filterSql(consultationId: string, filter: TQueueFilter): Prisma.Sql {
  const { sql, params } = filterWhere(consultationId, filter);
  return numberedSql(sql, params);
}

/** The filter's conditions on what a moderator can change (state and tags), over `tr` alone (see filterWhere). */
export function stateSql(filter: TQueueFilter): Prisma.Sql {
  const { sql, params } = filterWhere("", filter, { stateOnly: true });
  return numberedSql(sql, params);
}

/** searchCondition (items not derived yet included) for the query text `q`, as a Prisma.Sql. */
export function searchSql(alias: "" | "fi", q: string): Prisma.Sql {
  return numberedSql(searchCondition(alias, "$1"), [q]);
}
