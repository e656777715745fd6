// SQL text written once with numbered parameters ($1, $2…), shared with a pg cursor (which takes
// that form), as a Prisma.Sql for the Prisma client's tagged queries: only the constant text is
// kept as SQL, each `$n` becomes a bound value again (a number used twice is bound twice).
import { Prisma } from "@/lib/generated/prisma/client";

export function numberedSql(text: string, params: readonly unknown[]): Prisma.Sql {
  const parts = text.split(/\$(\d+)/);
  const strings: string[] = [];
  const values: unknown[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) strings.push(parts[i]);
    else values.push(params[Number(parts[i]) - 1]);
  }
  return new Prisma.Sql(strings, values);
}
