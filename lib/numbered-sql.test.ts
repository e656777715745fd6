import { describe, expect, it } from "vitest";
import { numberedSql } from "./numbered-sql";

describe("numberedSql", () => {
  it("binds every $n again, twice when it is used twice, and keeps no value in the text", () => {
    const evil = "x'); DROP TABLE response; --";
    const q = numberedSql("WHERE a = $1 AND ($2::text IS NULL OR b = $2::text) AND c > $10", [
      1,
      evil,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
    ]);
    expect(q.values).toEqual([1, evil, evil, 10]);
    expect(q.text).toBe("WHERE a = $1 AND ($2::text IS NULL OR b = $3::text) AND c > $4");
    expect(q.text).not.toContain("DROP");
  });
});
