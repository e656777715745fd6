// A message's one `{label}` filled in by hand, for a client component that must not start ICU's formatting
// at hydration (the response form: ~50 ms of a phone's main thread for one placeholder). It knows the one
// select the messages put on a label (French: "sur {label, select, Préambule {le préambule} other {{label}}}",
// written by scripts/fr-typography.mjs); fill-label.test.ts checks it against next-intl for every such message.
const SELECT = /\{label, select, ([^{}]+) \{([^{}]*)\} other \{\{label\}\}\}/;

export function fillLabel(raw: string): (label: string) => string {
  const select = SELECT.exec(raw);
  const [before, after = ""] = raw.split(select ? select[0] : "{label}");
  return (label) => `${before}${select && label === select[1] ? select[2] : label}${after}`;
}
