/** An instant, in words, in the given language and time zone ("Monday 22 February 2027 at 23:59 Central European Standard Time"). */
export function formatInstant(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "long", timeZone,
  }).format(date);
}
