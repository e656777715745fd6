/** An instant, in words, in the given language and time zone ("Monday 22 February 2027 at 23:59 Central European Standard Time"). */
export function formatInstant(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "long", timeZone,
  }).format(date);
}

/** An instant, short, in the consultation's time zone ("28 February 2027, 23:59 CET"; "28 février 2027, 23:59 UTC+1"). */
export function formatInstantShort(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short", timeZone,
  }).format(date);
}
