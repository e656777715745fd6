// A file's size as a reader of the page or the email reads it: "512 bytes", "1.5 kB", "2.3 MB" (fr: "1,5 ko",
// "2,3 Mo"), in the same 1,024-based units as the limits (ATTACHMENT_*_MB), with one decimal at most.
const formats = new Map<string, Intl.NumberFormat>();

function format(locale: string, unit: "byte" | "kilobyte" | "megabyte"): Intl.NumberFormat {
  const key = `${locale}:${unit}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      style: "unit",
      unit,
      // "512 bytes" / "512 octets", but "1.5 kB" / "1,5 ko".
      unitDisplay: unit === "byte" ? "long" : "short",
      maximumFractionDigits: 1,
    });
    formats.set(key, f);
  }
  return f;
}

export function formatFileSize(bytes: number, locale: string): string {
  if (bytes < 1024) return format(locale, "byte").format(bytes);
  if (bytes < 1024 * 1024) return format(locale, "kilobyte").format(bytes / 1024);
  return format(locale, "megabyte").format(bytes / (1024 * 1024));
}
