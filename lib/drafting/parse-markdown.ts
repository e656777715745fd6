// A draft written in Markdown, turned into clauses:
//   text before the first "## " heading       → the preamble
//   "## 2. Heading" (a level-2 heading)        → principle 2 (a section), with the paragraphs under it as its body
//   "1. Text" (a numbered item in a section)   → action 2.1, 2.2 … (lines indented under an item continue it)
// A "# " title line is skipped (the title has its own field). Nothing else of Markdown is interpreted:
// the text is kept as written, paragraphs separated by a blank line.
// The draft may name its sections and items in its own words (a consultation's labels, e.g. "Recommendation",
// "Article"): "## Recommendation 2: Heading" is section 2 headed "Heading", and "Article 3. Text" an item. A label is
// recognised only before a number, so "## Principle of openness" stays a heading.
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

/** The words a draft names its sections and items with (besides plain numbers), in the draft's language. */
export type TDraftWords = { section?: string | null; item?: string | null };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "## Recommendation 2: Heading", "## Recommendation 2 – Heading", "## Recommendation 2" (no heading). */
const labelledHeading = (label: string) =>
  new RegExp(`^##\\s+${escape(label)}\\s+(\\d+)(?:\\s*[.):]|\\s+[–—-])?(?:\\s+(.*?))?\\s*#*\\s*$`, "iu");
/** "Article 3. Text", "Article 3: Text", "Article 3 – Text", "Article 3 Text". */
const labelledItem = (label: string) =>
  new RegExp(`^${escape(label)}\\s+(\\d+)(?:\\s*[.):]|\\s+[–—-])?\\s+(.*)$`, "iu");

export function parseMarkdown(
  source: string,
  words: TDraftWords = {},
): { clauses: TParsedClause[]; problems: TParseProblem[] } {
  const sectionWord = words.section?.trim() ? labelledHeading(words.section.trim()) : null;
  const itemWord = words.item?.trim() ? labelledItem(words.item.trim()) : null;
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
    const h = sectionWord?.exec(line) ?? HEADING.exec(line);
    if (h) {
      closeSection();
      const number = h[1] ?? String(clauses.filter((c) => c.kind === "principle").length + 1);
      const clause: TParsedClause = {
        key: number,
        kind: "principle",
        number,
        heading: h[2]?.trim() || null,
        body: "",
        parentKey: null,
      };
      clauses.push(clause);
      section = { clause, body: [], items: 0 };
      return;
    }
    const it = ITEM.exec(line) ?? itemWord?.exec(line);
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
