import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { walkOrGather } from "./walk-or-gather";

describe("walkOrGather", () => {
  it("answers with the walk within its budget, with the gathered form past it, and passes any other error on", async () => {
    expect(await walkOrGather<{ v: number }>(Prisma.sql`SELECT 1 AS v`, Prisma.sql`SELECT 2 AS v`, 5000)).toEqual([
      { v: 1 },
    ]);
    const t0 = Date.now();
    expect(
      await walkOrGather<{ v: number }>(Prisma.sql`SELECT 1 AS v FROM pg_sleep(5)`, Prisma.sql`SELECT 2 AS v`, 100),
    ).toEqual([{ v: 2 }]);
    expect(Date.now() - t0).toBeLessThan(4000); // the walk was stopped, not waited for
    expect(
      await walkOrGather<{ v: number }>(Prisma.sql`SELECT 1 AS v FROM pg_sleep(5)`, Prisma.sql`SELECT 3 AS v`, 0),
    ).toEqual([{ v: 3 }]);
    await expect(walkOrGather(Prisma.sql`SELECT 1 / 0`, Prisma.sql`SELECT 2`, 5000)).rejects.toThrow(
      /division by zero/,
    );
  });
});
