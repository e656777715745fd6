import type { TClause } from "./get-consultation";
import { clauseExcerpt } from "./clause-excerpt";

type TTranslate = (key: "preamble" | "principle" | "action", values?: { number: string }) => string;

/** "Preamble", "Principle 2", "Action 2.1" in the reader's language (t from the "consultation" namespace). */
export function clauseLabel(clause: Pick<TClause, "kind" | "number">, t: TTranslate): string {
  if (clause.kind === "preamble" || !clause.number) return t("preamble");
  return t(clause.kind, { number: clause.number });
}

/** The fragment of a clause's stable link: /{locale}/c/{slug}#clause-{key}. */
export function clauseAnchor(key: string): string {
  return `clause-${key}`;
}

/** The response form's clause list: key, label ("Action 1.1"), title with the heading, body and its first line, in the reader's language. */
export function formClauses(clauses: readonly TClause[], locale: "en" | "fr", t: TTranslate) {
  return clauses.map((k) => {
    const label = clauseLabel(k, t);
    const heading = k.heading[locale];
    return {
      key: k.key,
      label,
      title: heading && k.kind !== "preamble" ? `${label}: ${heading}` : label,
      body: k.body[locale],
      excerpt: clauseExcerpt(k.body[locale]),
    };
  });
}

/** A clause's heading when it adds to its label; none when it only repeats it (the preamble headed "Preamble"). */
export function distinctHeading(label: string, heading: string | null | undefined): string | null {
  if (!heading?.trim()) return null;
  return heading.trim().toLocaleLowerCase() === label.trim().toLocaleLowerCase() ? null : heading;
}
