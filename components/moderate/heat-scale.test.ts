import { describe, expect, it } from "vitest";
import { contrastRatio, HEAT_STEPS, heatStep } from "./heat-scale";

describe("the heat map's colour scale", () => {
  it("computes WCAG contrast ratios as the specification does", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    // The failure axe reported: white on the old scale's mid-blue (brand at 60 % over white).
    expect(contrastRatio("#ffffff", "#7795bd")).toBeLessThan(4.5);
  });

  it("meets WCAG AA (4.5:1) for the number drawn on every step, and its link's focus style", () => {
    expect(HEAT_STEPS.length).toBeGreaterThanOrEqual(4);
    for (const step of HEAT_STEPS) {
      expect(contrastRatio(step.text, step.background), `${step.text} on ${step.background}`).toBeGreaterThanOrEqual(
        4.5,
      );
    }
    // Focused links turn ink on yellow (globals.css): readable whatever the cell.
    expect(contrastRatio("#0b0c0c", "#ffdd00")).toBeGreaterThanOrEqual(4.5);
  });

  it("darkens with the count and gives every count from 1 to the maximum a step that passes", () => {
    const lightness = HEAT_STEPS.map((s) => contrastRatio(s.background, "#ffffff"));
    expect([...lightness].sort((a, b) => a - b)).toEqual(lightness);
    for (const max of [1, 2, 7, 10, 99, 240, 1000, 123_457]) {
      let previous = 0;
      for (let n = 1; n <= Math.min(max, 2000); n++) {
        const i = HEAT_STEPS.indexOf(heatStep(n, max));
        expect(i).toBeGreaterThanOrEqual(previous);
        previous = i;
      }
      expect(heatStep(max, max)).toBe(HEAT_STEPS[HEAT_STEPS.length - 1]);
      if (max >= HEAT_STEPS.length) expect(heatStep(1, max)).toBe(HEAT_STEPS[0]);
    }
  });
});
