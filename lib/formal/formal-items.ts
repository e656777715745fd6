// A submitted formal response becomes feedback items like any other, so
// moderators triage, filter and export them with the rest: per clause its
// position (with the amendment), clarity, language and feasibility comments;
// the overall statement as a general comment.
import type { TPosition } from "./schema";

export type TFormalItem = {
  clause_id: string | null;
  aspect: "position" | "clarity" | "language" | "feasibility" | "general";
  position: number;
  stance: string | null;
  comment: string | null;
  term: string | null;
  proposed_wording: string | null;
};

export function formalItems(
  clauses: readonly { id: string }[],
  positions: Record<string, TPosition>,
  statement: string | undefined,
): TFormalItem[] {
  const items: Omit<TFormalItem, "position">[] = [];
  const blank = { stance: null, comment: null, term: null, proposed_wording: null };
  for (const c of clauses) {
    const p = positions[c.id];
    if (!p) continue;
    if (p.stance)
      items.push({
        ...blank,
        clause_id: c.id,
        aspect: "position",
        stance: p.stance,
        proposed_wording: p.amendment ?? null,
      });
    if (p.clarity) items.push({ ...blank, clause_id: c.id, aspect: "clarity", comment: p.clarity });
    if (p.term)
      items.push({
        ...blank,
        clause_id: c.id,
        aspect: "language",
        term: p.term,
        proposed_wording: p.wording ?? null,
        comment: p.language ?? null,
      });
    if (p.feasibility) items.push({ ...blank, clause_id: c.id, aspect: "feasibility", comment: p.feasibility });
  }
  if (statement) items.push({ ...blank, clause_id: null, aspect: "general", comment: statement });
  return items.map((x, position) => ({ ...x, position }));
}
