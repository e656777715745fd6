import { describe, expect, it } from "vitest";
import { filterWhere, parseQueueFilter } from "./queue-filter";

describe("parseQueueFilter", () => {
  it("keeps real calendar days only", () => {
    expect(parseQueueFilter({ from: "2026-02-28", to: "2028-02-29" })).toEqual({ from: "2026-02-28", to: "2028-02-29" });
    expect(parseQueueFilter({ from: "2026-02-30", to: "0000-01-01" })).toEqual({});
  });
  it("drops control characters from the search and the tag, and empty results", () => {
    expect(parseQueueFilter({ q: "weak\u0000 signals", tag: "\u0007Terminology " })).toEqual({ q: "weak signals", tag: "terminology" });
    expect(parseQueueFilter({ q: "\u0000", tag: "\u0000" })).toEqual({});
  });
  it("reads URLSearchParams too, and ignores what does not parse", () => {
    expect(parseQueueFilter(new URLSearchParams("aspect=clarity&sort=oldest&minRating=7&campaign=nope"))).toEqual({ aspect: "clarity", sort: "oldest" });
  });
});

describe("filterWhere", () => {
  it("puts every value in a bound parameter, never in the SQL text", () => {
    const evil = "'; DROP TABLE response; --";
    const { sql, params } = filterWhere("c0ffee00-0000-4000-8000-000000000000", { clause: evil, q: evil, tag: evil, country: "FR" });
    expect(sql).not.toContain("DROP");
    expect(params).toEqual(["c0ffee00-0000-4000-8000-000000000000", evil, "FR", evil, evil]);
  });
});
