// French typography of every French message (issue 13): a narrow no-break space (U+202F) before : ; ? ! and
// inside « », the typographic apostrophe ’, "sur le préambule". scripts/fr-typography.mjs fixes what this finds.
import { createTranslator } from "next-intl";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { fixFrench } from "../../scripts/fr-typography.mjs";
import en from "./messages/en.json";
import fr from "./messages/fr.json";

const NNBSP = "\u202f";

function flatten(o: unknown, prefix = ""): [string, string][] {
  if (typeof o === "string") return [[prefix, o]];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

/** The literal text of a message (what a reader sees around the placeholders, each shown as {}), piece by piece. */
function literals(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((e) => {
    if (e.type === TYPE.literal) return [e.value];
    if (e.type === TYPE.plural || e.type === TYPE.select)
      return Object.values(e.options).flatMap((o) => literals(o.value));
    if (e.type === TYPE.tag) return literals(e.children);
    return ["{}"]; // a placeholder: text around it is not run together
  });
}

/** The names of a message's arguments, plural and select included. */
function argumentsOf(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((e) => {
    if (e.type === TYPE.literal || e.type === TYPE.pound) return [];
    if (e.type === TYPE.plural || e.type === TYPE.select)
      return [e.value, ...Object.values(e.options).flatMap((o) => argumentsOf(o.value))];
    if (e.type === TYPE.tag) return argumentsOf(e.children);
    return [e.value];
  });
}

const FR = flatten(fr);
const EN = new Map(flatten(en));

/** The typography problems of one French text; none when it is right. */
function problems(text: string): string[] {
  const found: string[] = [];
  if (/'/.test(text)) found.push("a straight apostrophe (use ’)");
  for (const m of text.matchAll(/(^|.)([:;?!])(?=\s|$|[»")\]}<])/gu)) {
    if (m[1] !== NNBSP) found.push(`no narrow no-break space before "${m[2]}"`);
  }
  if (/«(?!\u202f)/.test(text)) found.push("no narrow no-break space after «");
  if (/(?<!\u202f)»/.test(text)) found.push("no narrow no-break space before »");
  if (/[ \u00a0]\u202f|\u202f[ \u00a0]/.test(text)) found.push("a space beside the narrow no-break space");
  return found;
}

describe("French typography", () => {
  it("every French message has a narrow no-break space before : ; ? ! and inside « », and typographic apostrophes", () => {
    const wrong = FR.flatMap(([key, message]) => {
      const text = literals(parse(message, { ignoreTag: true })).join("");
      return problems(text).map((p) => `${key}: ${p}`);
    });
    expect(wrong).toEqual([]);
  });

  it("every French message still parses as ICU and takes the same arguments as its English twin", () => {
    for (const [key, message] of FR) {
      const args = new Set(argumentsOf(parse(message, { ignoreTag: true })));
      expect(args, key).toEqual(new Set(argumentsOf(parse(EN.get(key) ?? "", { ignoreTag: true }))));
    }
  });

  it("formats messages with apostrophes, placeholders, plurals and selects as French readers expect", () => {
    const t = createTranslator({ locale: "fr", messages: fr });
    expect(t("delegation.event_extension_granted", { until: "28 février", reason: "grève" })).toBe(
      `a accordé une prolongation jusqu’au 28 février${NNBSP}: grève`,
    );
    expect(t("invitations.sentEmailed", { email: "a@b.fr", expires: "3 mars" })).toBe(
      "Invitation envoyée à a@b.fr. Le lien fonctionne une fois, jusqu’au 3 mars.",
    );
    expect(t("authoring.confirmUndecided", { undecided: 1, items: 1200 })).toBe(
      `1 commentaire sur 1${NNBSP}200 n’a pas encore de décision.`,
    );
    expect(t("authoring.confirmUndecided", { undecided: 3, items: 10 })).toBe(
      "3 commentaires sur 10 n’ont pas encore de décision.",
    );
    expect(t("accounts.lockState", { failures: 2, ceiling: "no", addresses: 1, until: "18 h" })).toMatch(
      /^Connexion attaquée\u202f: 2 tentatives échouées .* 1 adresse client est refusée jusqu’au 18 h\.$/,
    );
    expect(t("delegation.clarity")).toBe(`Est-ce clair${NNBSP}?`);
  });

  it("says « sur le préambule », never « sur Préambule »", () => {
    const t = createTranslator({ locale: "fr", messages: fr });
    const label = t("consultation.preamble");
    const outputs = FR.filter(([, m]) => /\{(label|clause)\}/.test(m)).map(([key, m]) => {
      const [ns, ...rest] = key.split(".");
      const name = m.includes("{label}") ? "label" : "clause";
      const values = Object.fromEntries(
        argumentsOf(parse(m, { ignoreTag: true })).map((a) => [a, a === name ? label : "1"]),
      );
      return createTranslator({ locale: "fr", messages: fr, namespace: ns as "consultation" })(
        rest.join(".") as "preamble",
        values,
      );
    });
    expect(outputs.length).toBeGreaterThan(3);
    for (const out of outputs) expect(out).not.toMatch(/(sur|de|à|du) Préambule/);
    expect(outputs).toContain("Donner votre avis sur le préambule");
    expect(t("results.clausePageTitle", { clause: "Action 1.1" })).toBe("Commentaires publiés sur Action 1.1");
  });

  it("the fixer leaves URLs, times and ICU syntax alone, and is idempotent", () => {
    expect(fixFrench("Voir https://exemple.fr/a?b=1 à 23:59")).toBe("Voir https://exemple.fr/a?b=1 à 23:59");
    expect(fixFrench("Est-ce clair?")).toBe(`Est-ce clair${NNBSP}?`);
    expect(fixFrench("Raison : {reason}; suite !")).toBe(`Raison${NNBSP}: {reason}${NNBSP}; suite${NNBSP}!`);
    expect(fixFrench("« ## » et «x»")).toBe(`«${NNBSP}##${NNBSP}» et «${NNBSP}x${NNBSP}»`);
    expect(fixFrench("jusqu'au {when} et l'{count, plural, one {#} other {#}}")).toBe(
      "jusqu’au {when} et l’{count, plural, one {#} other {#}}",
    );
    expect(fixFrench("Donner votre avis sur {label}")).toBe(
      "Donner votre avis sur {label, select, Préambule {le préambule} other {{label}}}",
    );
    for (const [, m] of FR) expect(fixFrench(fixFrench(m))).toBe(fixFrench(m));
  });
});
