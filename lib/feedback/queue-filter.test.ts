import { describe, expect, it } from "vitest";
import { filterProblems, filterWhere, parseQueueFilter } from "./queue-filter";

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

describe("filterProblems", () => {
  it("names a day that does not exist and an end before the start, for the messages beside the date fields", () => {
    expect(filterProblems({ from: "2026-02-30", to: "2026-03-31" })).toEqual({ from: "dateInvalid" });
    expect(filterProblems({ from: "2026-03-31", to: "31/03/2026" })).toEqual({ to: "dateInvalid" });
    expect(filterProblems({ from: "2026-03-31", to: "2026-03-01" })).toEqual({ to: "dateOrder" });
    expect(filterProblems({ from: "2026-03-01", to: "2026-03-01" })).toEqual({});
    expect(filterProblems({ from: "", to: undefined })).toEqual({});
  });
});
