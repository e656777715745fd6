// A draft written in Markdown, turned into clauses:
//   text before the first "## " heading       → the preamble
//   "## 2. Heading" (a level-2 heading)        → principle 2 (a section), with the paragraphs under it as its body
//   "1. Text" (a numbered item in a section)   → action 2.1, 2.2 … (lines indented under an item continue it)
// A "# " title line is skipped (the title has its own field). Nothing else of Markdown is interpreted:
// the text is kept as written, paragraphs separated by a blank line.
export type TParsedClause = {
  key: string;
  kind: "preamble" | "principle" | "action";
  number: string | null;
  heading: string | null;
  body: string;
  parentKey: string | null;
};

export type TParseProblem = {
  key: "empty" | "itemOutsideSection" | "emptySection" | "tooLong";
  line?: number;
  at?: string;
};

const HEADING = /^##\s+(?:(\d+)[.)]?\s+)?(.+?)\s*#*\s*$/;
const ITEM = /^(\d+)[.)]\s+(.*)$/;

export function parseMarkdown(source: string): { clauses: TParsedClause[]; problems: TParseProblem[] } {
  const lines = source
    .replace(/\r\n?/g, "\n")
    .replace(/\u0000/g, "")
    .split("\n");
  const clauses: TParsedClause[] = [];
  const problems: TParseProblem[] = [];
  const preamble: string[] = [];
  let section: { clause: TParsedClause; body: string[]; items: number } | null = null;
  let item: { clause: TParsedClause; lines: string[] } | null = null;
  const paragraphs = (ls: string[]) =>
    ls
      .join("\n")
      .split(/\n\s*\n/)
      .map((p) =>
        p
          .split("\n")
          .map((l) => l.trim())
          .join(" ")
          .trim(),
      )
      .filter(Boolean)
      .join("\n\n");
  const closeItem = () => {
    if (item) item.clause.body = paragraphs(item.lines);
    item = null;
  };
  const closeSection = () => {
    closeItem();
    if (!section) return;
    section.clause.body = paragraphs(section.body) || section.clause.heading || "";
    if (!section.items && !paragraphs(section.body)) problems.push({ key: "emptySection", at: section.clause.key });
    section = null;
  };

  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    if (/^#\s/.test(line)) return; // the document's title
    const h = HEADING.exec(line);
    if (h) {
      closeSection();
      const number = h[1] ?? String(clauses.filter((c) => c.kind === "principle").length + 1);
      const clause: TParsedClause = {
        key: number,
        kind: "principle",
        number,
        heading: h[2].trim(),
        body: "",
        parentKey: null,
      };
      clauses.push(clause);
      section = { clause, body: [], items: 0 };
      return;
    }
    const it = ITEM.exec(line);
    if (it && !/^\s/.test(raw)) {
      if (!section) {
        problems.push({ key: "itemOutsideSection", line: index + 1 });
        preamble.push(line);
        return;
      }
      closeItem();
      section.items += 1;
      const number = `${section.clause.number}.${section.items}`;
      const clause: TParsedClause = {
        key: number,
        kind: "action",
        number,
        heading: null,
        body: "",
        parentKey: section.clause.key,
      };
      clauses.push(clause);
      item = { clause, lines: [it[2]] };
      return;
    }
    if (item && (line === "" || /^\s/.test(raw))) {
      // A blank line or an indented line continues the item; a flush paragraph after a blank ends it.
      item.lines.push(line);
      return;
    }
    if (item) closeItem();
    if (section) section.body.push(line);
    else preamble.push(line);
  });
  closeSection();
  const pre = paragraphs(preamble);
  if (pre)
    clauses.unshift({ key: "preamble", kind: "preamble", number: null, heading: null, body: pre, parentKey: null });
  if (!clauses.length) problems.push({ key: "empty" });
  for (const c of clauses)
    if (c.body.length > 8000 || (c.heading?.length ?? 0) > 300) problems.push({ key: "tooLong", at: c.key });
  return { clauses, problems };
}
