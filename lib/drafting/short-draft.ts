// Which Markdown draft a mismatch is attached to: the one that is short of something (a preamble, a section,
// numbered items) or has a problem of its own, so the admin is sent to the draft to fix, not always to English.
import type { TDraftCheck } from "./align-drafts";

export type TDraftField = "markdownEn" | "markdownFr";
const FIELD = { en: "markdownEn", fr: "markdownFr" } as const;
const OTHER = { en: "fr", fr: "en" } as const;

/** The drafts at fault, English first; none when the drafts match. */
export function shortDrafts(check: Pick<TDraftCheck, "mismatches" | "problems">): TDraftField[] {
  const at = new Set<"en" | "fr">();
  for (const p of check.problems) at.add(p.lang);
  for (const m of check.mismatches) {
    if (m.key === "itemCount") at.add(m.en < m.fr ? "en" : "fr");
    else at.add(OTHER[m.lang]);
  }
  return (["en", "fr"] as const).filter((l) => at.has(l)).map((l) => FIELD[l]);
}

/** The form errors for a check that failed: one per draft at fault, each naming its language. */
export function draftErrors(
  check: Pick<TDraftCheck, "mismatches" | "problems">,
): { field: TDraftField; key: string }[] {
  return shortDrafts(check).map((field) => ({
    field,
    key: field === "markdownEn" ? "draftNotAligned_En" : "draftNotAligned_Fr",
  }));
}
