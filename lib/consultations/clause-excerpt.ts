/**
 * What a closed clause section of the response form shows beside its label, so a person can choose a
 * clause without opening each: the clause's first paragraph when short, else its first sentence, else
 * its first `max` characters cut at a word, with an ellipsis.
 */
export function clauseExcerpt(body: string, max = 200): string {
  const first = (body.split(/\n{2,}/)[0] ?? "").replace(/\s+/g, " ").trim();
  if (first.length <= max) return first;
  const sentence = /^.+?[.!?…](?=\s)/u.exec(first)?.[0];
  if (sentence && sentence.length <= max) return sentence;
  const cut = first.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, "")}…`;
}
