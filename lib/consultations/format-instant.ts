// The one way Clausewise writes a date and time: public pages, receipts, staff pages and emails, on the
// server and in the browser. en-GB and fr-FR styles, day first, 24-hour, the time zone short and never
// spelled out: "28 February 2027, 23:59 CET", "28 février 2027, 23 h 59 UTC+1".
// French: fr-FR's short zone names are offsets ("UTC+1"): unambiguous, where an abbreviation such as "HNE"
// would be Canadian French for North America's Eastern time. Hours as French typography writes them
// ("23 h 59", no-break spaces), and "1er" for the first of the month.

const NBSP = "\u00a0";
type TPart = "day" | "month" | "year" | "hour" | "minute" | "timeZoneName";

const formats = new Map<string, Intl.DateTimeFormat>();

/** Making an Intl.DateTimeFormat costs more than using one: keep one per language, zone and style. */
function format(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = formats.get(key);
  if (!f) {
    const fr = locale === "fr";
    f = new Intl.DateTimeFormat(fr ? "fr-FR" : "en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone,
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } : {}),
    } as Intl.DateTimeFormatOptions);
    formats.set(key, f);
  }
  return f;
}

function parts(date: Date, locale: string, timeZone: string, withTime: boolean): Record<TPart, string> {
  const out = {} as Record<TPart, string>;
  for (const p of format(locale, timeZone, withTime).formatToParts(date))
    if (p.type !== "literal") out[p.type as TPart] = p.value;
  return out;
}

function day(p: Record<TPart, string>, locale: string): string {
  return `${p.day === "1" && locale === "fr" ? "1er" : p.day} ${p.month} ${p.year}`;
}

/** A date and time in the given language and time zone: "28 February 2027, 23:59 CET" / "28 février 2027, 23 h 59 UTC+1". */
export function formatInstant(date: Date, locale: string, timeZone: string): string {
  const p = parts(date, locale, timeZone, true);
  // fr-FR pads the hour whatever it is asked; French writes "9 h 05".
  const time =
    locale === "fr" ? `${p.hour.replace(/^0(?=\d)/, "")}${NBSP}h${NBSP}${p.minute}` : `${p.hour}:${p.minute}`;
  return `${day(p, locale)}, ${time} ${p.timeZoneName}`;
}

/** A day in the given language and time zone: "28 February 2027" / "28 février 2027". */
export function formatDay(date: Date, locale: string, timeZone: string): string {
  return day(parts(date, locale, timeZone, false), locale);
}

/** The reader's own time zone, where the browser tells it. */
export function readerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
