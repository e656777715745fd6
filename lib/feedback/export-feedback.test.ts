import { describe, expect, it } from "vitest";
import { neutraliseFormula } from "./export-feedback";

describe("neutraliseFormula", () => {
  it("prefixes every cell a spreadsheet would run as a formula", () => {
    for (const cell of ["=1+1", "+41 22", "-2", "@SUM(A1)", "\tTAB", "\rCR", '=HYPERLINK("x")']) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    }
  });
  it("leaves ordinary text alone", () => {
    for (const cell of ["Clear enough", "a=b", "1-2", "", " =not first", "e-mail"])
      expect(neutraliseFormula(cell)).toBe(cell);
  });
});
