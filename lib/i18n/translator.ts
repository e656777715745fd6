// Translations outside a request (emails, scripts): the same messages as the pages.
import { createTranslator } from "next-intl";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import type { TLocale } from "./routing";

const MESSAGES = { en, fr } as const;

export function translator<N extends keyof typeof en>(locale: TLocale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale] as typeof en, namespace });
}
