import type { TClause } from "./get-consultation";

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
