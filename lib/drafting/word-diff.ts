// The difference between two texts, word by word (longest common subsequence),
// for showing a moderator how a clause changed since a comment answered it.
export type TDiffPart = { kind: "same" | "added" | "removed"; text: string };

export function wordDiff(before: string, after: string): TDiffPart[] {
  // Words with the spaces after them, so a change of several words reads as one.
  const a = before.match(/\S+\s*|^\s+/g) ?? [];
  const b = after.match(/\S+\s*|^\s+/g) ?? [];
  if (a.length * b.length > 4_000_000)
    return [
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ];
  const lcs: Uint16Array[] = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: TDiffPart[] = [];
  const push = (kind: TDiffPart["kind"], text: string) => {
    const last = out[out.length - 1];
    if (last?.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push("same", a[i]);
      i += 1;
      j += 1;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push("removed", a[i++]);
    else push("added", b[j++]);
  }
  while (i < a.length) push("removed", a[i++]);
  while (j < b.length) push("added", b[j++]);
  return out;
}
