import { describe, expect, it } from "vitest";
import { isDatabaseBusy } from "./db";

// The errors PostgreSQL's restart gives (as test:crash logged them): each means "try again shortly". Read as
// anything else, a receipt the mail server had taken was not marked sent, and its job sent it a second time.
describe("a database that cannot answer yet", () => {
  it("is busy while PostgreSQL starts after a crash, whether the error comes from Prisma or from pg", () => {
    expect(
      isDatabaseBusy(
        new Error(
          "Invalid `prisma.$executeRaw()` invocation:\n\n\nRaw query failed. Code: `57P03`. Message: `the database system is not yet accepting connections`",
        ),
      ),
    ).toBe(true);
    expect(
      isDatabaseBusy(
        Object.assign(new Error("the database system is not yet accepting connections"), { code: "57P03" }),
      ),
    ).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error("the database system is in recovery mode"), { code: "57P03" }))).toBe(
      true,
    );
    expect(
      isDatabaseBusy(new Error("Database error. Code: `57P03`. Message: `the database system is starting up`")),
    ).toBe(true);
  });

  it("is not busy for an error in the statement itself", () => {
    expect(isDatabaseBusy(Object.assign(new Error('relation "nope" does not exist'), { code: "42P01" }))).toBe(false);
  });
});
