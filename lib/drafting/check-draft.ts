// Both languages' Markdown, parsed and aligned: what the admin sees before saving.
import { parseMarkdown } from "./parse-markdown";
import { alignDrafts, type TDraftCheck } from "./align-drafts";

export function checkDraft(markdownEn: string, markdownFr: string): TDraftCheck {
  const en = parseMarkdown(markdownEn);
  const fr = parseMarkdown(markdownFr);
  const problems = [
    ...en.problems.map((problem) => ({ lang: "en" as const, problem })),
    ...fr.problems.map((problem) => ({ lang: "fr" as const, problem })),
  ];
  const { clauses, mismatches } = alignDrafts(en.clauses, fr.clauses);
  return { clauses: problems.length ? [] : clauses, mismatches, problems };
}
