import { describe, expect, it } from "vitest";
import { filterProblems, filterWhere, parseQueueFilter } from "./queue-filter";

describe("parseQueueFilter", () => {
  it("keeps real calendar days only", () => {
    expect(parseQueueFilter({ from: "2026-02-28", to: "2028-02-29" })).toEqual({
      from: "2026-02-28",
      to: "2028-02-29",
    });
    expect(parseQueueFilter({ from: "2026-02-30", to: "0000-01-01" })).toEqual({});
  });
  it("drops control characters from the search and the tag, and empty results", () => {
    expect(parseQueueFilter({ q: "weak\u0000 signals", tag: "\u0007Terminology " })).toEqual({
      q: "weak signals",
      tag: "terminology",
    });
    expect(parseQueueFilter({ q: "\u0000", tag: "\u0000" })).toEqual({});
  });
  it("reads URLSearchParams too, and ignores what does not parse", () => {
    expect(parseQueueFilter(new URLSearchParams("aspect=clarity&sort=oldest&minRating=7&campaign=nope"))).toEqual({
      aspect: "clarity",
      sort: "oldest",
    });
  });
});

describe("filterWhere", () => {
  it("puts every value in a bound parameter, never in the SQL text", () => {
    const evil = "'; DROP TABLE response; --";
    const { sql, params } = filterWhere("c0ffee00-0000-4000-8000-000000000000", {
      clause: evil,
      q: evil,
      tag: evil,
      country: "FR",
    });
    expect(sql).not.toContain("DROP");
    expect(params).toEqual(["c0ffee00-0000-4000-8000-000000000000", evil, "FR", evil, evil]);
  });
});

describe("filterWhere's state conditions", () => {
  it("keep only what a moderator can change, over the state alone, with its own values", () => {
    const f = {
      clause: "1",
      aspect: "clarity" as const,
      status: "new" as const,
      tag: "x",
      decision: "none" as const,
      q: "budget",
      country: "FR" as const,
    };
    const all = filterWhere("c0ffee00-0000-4000-8000-000000000000", f);
    expect(all.sql).toContain("r.consultation_id");
    expect(all.sql).toContain("ft.feedback_item_id = fi.id");
    const state = filterWhere("c0ffee00-0000-4000-8000-000000000000", f, { stateOnly: true });
    expect(state.sql).not.toMatch(/\b(r|c|fi)\./);
    expect(state.sql).toContain("tr.status = $2::item_status");
    expect(state.sql).toContain("ft.feedback_item_id = tr.feedback_item_id AND tg.key = $3");
    expect(state.sql).toContain("tr.disposition IS NULL");
    expect(state.params.slice(1)).toEqual(["new", "x"]);
    expect(filterWhere("c0ffee00-0000-4000-8000-000000000000", { clause: "1" }, { stateOnly: true }).sql).toBe("TRUE");
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
