// The English and French drafts must have the same structure, clause for
// clause: a preamble in both or neither, the same sections with the same
// numbers, the same number of items in each. Every difference is reported.
import type { TParsedClause, TParseProblem } from "./parse-markdown";

export type TMismatch =
  | { key: "preambleOnlyIn"; lang: "en" | "fr" }
  | { key: "sectionOnlyIn"; lang: "en" | "fr"; section: string }
  | { key: "itemCount"; section: string; en: number; fr: number };

export type TAlignedClause = Omit<TParsedClause, "heading" | "body"> & {
  heading: { en: string | null; fr: string | null };
  body: { en: string; fr: string };
};

export function alignDrafts(
  en: TParsedClause[],
  fr: TParsedClause[],
): { clauses: TAlignedClause[]; mismatches: TMismatch[] } {
  const mismatches: TMismatch[] = [];
  const keysEn = new Set(en.map((c) => c.key));
  const keysFr = new Set(fr.map((c) => c.key));
  if (keysEn.has("preamble") !== keysFr.has("preamble"))
    mismatches.push({ key: "preambleOnlyIn", lang: keysEn.has("preamble") ? "en" : "fr" });
  const sections = (cs: TParsedClause[]) => cs.filter((c) => c.kind === "principle").map((c) => c.key);
  for (const s of sections(en)) if (!keysFr.has(s)) mismatches.push({ key: "sectionOnlyIn", lang: "en", section: s });
  for (const s of sections(fr)) if (!keysEn.has(s)) mismatches.push({ key: "sectionOnlyIn", lang: "fr", section: s });
  for (const s of sections(en).filter((k) => keysFr.has(k))) {
    const count = (cs: TParsedClause[]) => cs.filter((c) => c.parentKey === s).length;
    if (count(en) !== count(fr)) mismatches.push({ key: "itemCount", section: s, en: count(en), fr: count(fr) });
  }
  if (mismatches.length) return { clauses: [], mismatches };
  const byKey = new Map(fr.map((c) => [c.key, c]));
  const clauses = en.map((c) => {
    const f = byKey.get(c.key)!;
    return {
      key: c.key,
      kind: c.kind,
      number: c.number,
      parentKey: c.parentKey,
      heading: { en: c.heading, fr: f.heading },
      body: { en: c.body, fr: f.body },
    };
  });
  return { clauses, mismatches };
}

export type TDraftCheck = {
  clauses: TAlignedClause[];
  mismatches: TMismatch[];
  problems: { lang: "en" | "fr"; problem: TParseProblem }[];
};
