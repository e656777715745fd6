import { defineRouting } from "next-intl/routing";

export const locales = ["en", "fr"] as const;
export type TLocale = (typeof locales)[number];

export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "always",
});

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
