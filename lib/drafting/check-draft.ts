// Both languages' Markdown, parsed and aligned: what the admin sees before saving.
import { parseMarkdown } from "./parse-markdown";
import { alignDrafts, type TDraftCheck } from "./align-drafts";
import { draftWords, type TDraftLabels } from "@/lib/consultations/draft-labels";

/** `labels`: the consultation's words for sections and items (each draft read with its language's). */
export function checkDraft(markdownEn: string, markdownFr: string, labels?: TDraftLabels | null): TDraftCheck {
  const en = parseMarkdown(markdownEn, draftWords(labels, "en"));
  const fr = parseMarkdown(markdownFr, draftWords(labels, "fr"));
  const problems = [
    ...en.problems.map((problem) => ({ lang: "en" as const, problem })),
    ...fr.problems.map((problem) => ({ lang: "fr" as const, problem })),
  ];
  const { clauses, mismatches } = alignDrafts(en.clauses, fr.clauses);
  return { clauses: problems.length ? [] : clauses, mismatches, problems };
}
