import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import { fillLabel } from "./fill-label";

describe("fillLabel", () => {
  it("gives what next-intl gives for the response form's clause summary, in both languages, preamble included", () => {
    for (const [locale, messages] of [
      ["en", en],
      ["fr", fr],
    ] as const) {
      const t = createTranslator({ locale, messages, namespace: "respond" });
      const open = fillLabel(String(t.raw("clauseOpen")));
      for (const label of ["Action 1.1", "Principe 2", "Préambule", "Preamble"]) {
        expect(open(label)).toBe(t("clauseOpen", { label }));
      }
    }
    expect(
      fillLabel("Donner votre avis sur {label, select, Préambule {le préambule} other {{label}}}")("Préambule"),
    ).toBe("Donner votre avis sur le préambule");
  });
});
