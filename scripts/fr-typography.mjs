#!/usr/bin/env node
// French typography for lib/i18n/messages/fr.json (issue 13), re-runnable: after merging new French strings,
// `node scripts/fr-typography.mjs` rewrites the file in place (`--check` only reports, exit 1 when a string
// would change). What it does to every string:
//   - a narrow no-break space (U+202F) before : ; ? ! used as punctuation (not inside "https://", "23:59", "?c=");
//   - a narrow no-break space inside « »;
//   - the typographic apostrophe ’ for the ASCII one between letters ("l'avis" → "l’avis"). In ICU messages an
//     ASCII apostrophe before "{" starts a quoted literal: ’ cannot, so "jusqu'{when}" becomes safe as well;
//   - "sur {label}" (and "Commenter", "Lien vers", "concernant" before a clause's label) reads "sur le préambule"
//     when the label is the preamble's ("Préambule"), through an ICU select, not "sur Préambule".
// lib/i18n/fr-typography.test.ts checks the same rules on the file.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const NNBSP = "\u202f";
// Spaces that may stand before the punctuation today: plain, no-break, thin, narrow no-break.
const SPACES = "[ \\u00a0\\u2009\\u202f]";

/** One French string, typographically corrected; already-correct text comes back unchanged. */
export function fixFrench(text) {
  let s = text;
  // Apostrophes: between a letter and a letter, a digit, a placeholder or an opening quote.
  s = s.replace(/(?<=\p{L})'(?=[\p{L}\p{N}{«"“])/gu, "’");
  // « text » with narrow no-break spaces inside.
  s = s.replace(new RegExp(`«${SPACES}*`, "g"), `«${NNBSP}`);
  s = s.replace(new RegExp(`${SPACES}*»`, "g"), `${NNBSP}»`);
  // Before ; ? ! : any space becomes the narrow one…
  s = s.replace(new RegExp(`${SPACES}+([;:?!])(?=\\s|$|[»")\\]}<])`, "g"), `${NNBSP}$1`);
  // …and where there is none, one is added: after a word, a number, a placeholder, a closing bracket or quote.
  s = s.replace(/(?<=[\p{L}\p{N}})\]»’”%.…])([;:?!])(?=\s|$|[»")\]}<])/gu, `${NNBSP}$1`);
  s = s.replace(
    /(?<=(?:\bsur|Commenter|Lien vers|concernant) )\{(label|clause)\}/g,
    "{$1, select, Préambule {le préambule} other {{$1}}}",
  );
  return s;
}

/** Every string of a messages object, fixed, keys in their order. */
export function fixMessages(messages) {
  if (typeof messages === "string") return fixFrench(messages);
  if (Array.isArray(messages)) return messages.map(fixMessages);
  if (messages && typeof messages === "object")
    return Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, fixMessages(v)]));
  return messages;
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const file = path.join(root, "lib/i18n/messages/fr.json");
  const before = readFileSync(file, "utf8");
  const after = `${JSON.stringify(fixMessages(JSON.parse(before)), null, 2)}\n`;
  const changed = before.split("\n").filter((line, i) => line !== after.split("\n")[i]).length;
  if (process.argv.includes("--check")) {
    console.log(
      changed
        ? `fr.json: ${changed} line(s) need French typography (run node scripts/fr-typography.mjs)`
        : "fr.json: French typography is right",
    );
    process.exit(changed ? 1 : 0);
  }
  if (changed) writeFileSync(file, after);
  console.log(`fr.json: ${changed} line(s) changed`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
