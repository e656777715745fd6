// The heat map's colour scale: a few solid steps of the brand blue over white, each with the text colour
// (ink or white) that reads best on it. Steps were picked so that every one passes WCAG AA (4.5:1) with its
// text: a continuous scale has a band of mid-blues where neither ink nor white reaches 4.5:1 (white on the
// old scale's mid-blue was 3.12:1). heat-scale.test.ts computes every step's contrast.

const BRAND = [0x1d, 0x4f, 0x91] as const;
const INK = "#0b0c0c";
const WHITE = "#ffffff";
/** How much of the brand blue each step lays over white, lightest first. */
const MIX = [0.08, 0.22, 0.38, 0.55, 0.8, 1] as const;

function hex(rgb: readonly number[]): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

function rgbOf(colour: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) throw new Error(`not a #rrggbb colour: ${colour}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** WCAG 2 relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = rgbOf(colour).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export type THeatStep = { background: string; text: string };

export const HEAT_STEPS: readonly THeatStep[] = MIX.map((f) => {
  const background = hex(BRAND.map((v) => 255 + (v - 255) * f));
  const text = contrastRatio(INK, background) >= contrastRatio(WHITE, background) ? INK : WHITE;
  return { background, text };
});

/** The step of a count `n` (1 … max) of a map whose largest count is `max`. */
export function heatStep(n: number, max: number): THeatStep {
  const i = Math.ceil((Math.min(n, max) / Math.max(1, max)) * HEAT_STEPS.length) - 1;
  return HEAT_STEPS[Math.max(0, Math.min(HEAT_STEPS.length - 1, i))];
}
