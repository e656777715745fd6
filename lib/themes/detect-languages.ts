// The language of each comment, detected by franc-min (ISO 639-3: "eng", "fra", "deu"…; "und" when the text is
// too short or too mixed to tell), in the background (lib/feedback/derive-items.ts): franc costs tens of microseconds
// a comment, which the ingest path does not pay. The cheap en/fr guess made at write time (lib/responses/text-language.ts)
// stays what the full-text vector is built with; this one tells other languages apart, for the queue's filter and mark.
import { franc } from "franc-min";

/** Languages a consultation is held in: a comment detected in another one is marked in the queue. */
export const CONSULTATION_LANGUAGES = ["eng", "fra"] as const;

/** franc-min's guess for one text ("und" when it cannot tell). */
export function detectLanguage(text: string): string {
  return franc(text, { minLength: 12 });
}

/** A comment detected in a language other than the consultation's (not "und", which cannot tell). */
export function isOtherLanguage(code: string | null): boolean {
  return !!code && code !== "und" && !(CONSULTATION_LANGUAGES as readonly string[]).includes(code);
}

/**
 * The language of a comment written at `writeTime`'s guess ("en"/"fr", or null). Between English and French
 * franc-min is unreliable on short texts ("Synthetic comment on partnership" reads as French): there the write-time
 * guess, made for exactly these two languages from their commonest words, decides.
 */
export function commentLanguage(comment: string, writeTime: string | null): string {
  const detected = detectLanguage(comment);
  if ((detected === "eng" || detected === "fra") && writeTime) return writeTime === "fr" ? "fra" : "eng";
  return detected;
}
