import { COUNTRY_CODES, type TCountryCode } from "./codes";

const codeSet: ReadonlySet<string> = new Set(COUNTRY_CODES);

export function isCountryCode(value: unknown): value is TCountryCode {
  return typeof value === "string" && codeSet.has(value);
}

const cache = new Map<string, { code: TCountryCode; name: string }[]>();

/** Every country, named and sorted in the reader's language (names from the runtime's ICU data). */
export function listCountries(locale: string): { code: TCountryCode; name: string }[] {
  let list = cache.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    const collator = new Intl.Collator(locale);
    list = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
    cache.set(locale, list);
  }
  return list;
}

export function countryName(code: string, locale: string): string {
  return (isCountryCode(code) && new Intl.DisplayNames([locale], { type: "region" }).of(code)) || code;
}
