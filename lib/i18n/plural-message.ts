// A message with plural arguments ("{hours, plural, one {# hour} other {# hours}} left"), formatted in the
// browser without next-intl's client: the public pages' one ticking text (the countdown) needs only this,
// and shipping next-intl's formatter to every phone for it would cost 12 KB of compressed JavaScript.
// Everything else is translated on the server by next-intl. Supports plain arguments and `plural` with
// exact (`=0`) and category (`one`, `other`…) branches and `#`; any other syntax throws, so a message
// edited beyond this is noticed by the unit test rather than shown wrong.
export function formatPluralMessage(template: string, values: Record<string, number | string>, locale: string): string {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  let i = 0;
  const fail = (why: string) => new Error(`formatPluralMessage: ${why} at ${i} in ${JSON.stringify(template)}`);
  const skipSpace = () => {
    while (/\s/.test(template[i] ?? "")) i++;
  };
  const readWord = () => {
    skipSpace();
    const start = i;
    while (i < template.length && !/[\s,{}]/.test(template[i])) i++;
    return template.slice(start, i);
  };

  // Text up to the closing brace of the branch it is in (or the end); `#` is the branch's number.
  function text(hash: number | undefined): string {
    let out = "";
    while (i < template.length && template[i] !== "}") {
      const ch = template[i];
      if (ch === "{") {
        i++;
        out += argument();
      } else if (ch === "#" && hash !== undefined) {
        out += numbers.format(hash);
        i++;
      } else {
        out += ch;
        i++;
      }
    }
    return out;
  }

  function argument(): string {
    const name = readWord();
    if (!(name in values)) throw fail(`no value for "${name}"`);
    const value = values[name];
    skipSpace();
    if (template[i] === "}") {
      i++;
      return typeof value === "number" ? numbers.format(value) : value;
    }
    if (template[i] !== ",") throw fail("expected , or }");
    i++;
    if (readWord() !== "plural") throw fail("only plural arguments are supported");
    skipSpace();
    if (template[i] !== ",") throw fail("expected ,");
    i++;
    if (typeof value !== "number") throw fail(`"${name}" must be a number`);
    const branches = new Map<string, string>();
    for (;;) {
      skipSpace();
      if (template[i] === "}") {
        i++;
        break;
      }
      const selector = readWord();
      skipSpace();
      if (!selector || template[i] !== "{") throw fail("expected a branch");
      i++;
      branches.set(selector, text(value));
      if (template[i] !== "}") throw fail("unclosed branch");
      i++;
    }
    const chosen = branches.get(`=${value}`) ?? branches.get(rules.select(value)) ?? branches.get("other");
    if (chosen === undefined) throw fail(`no branch for ${value}`);
    return chosen;
  }

  const out = text(undefined);
  if (i < template.length) throw fail("unbalanced }");
  return out;
}
