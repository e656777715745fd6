// Error messages for API clients, in English or French (Accept-Language).
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import type { TLocale } from "@/lib/i18n/routing";
import type { TIssue } from "@/lib/responses/schema";
import type { TFieldError } from "@/lib/forms/form-state";

export function apiLocale(headers: Headers): TLocale {
  return /^\s*fr\b/i.test(headers.get("accept-language") ?? "") ? "fr" : "en";
}

/** `feedback[0].clarity.rating` */
export function issuePath(path: TIssue["path"]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export function issueErrors(issues: TIssue[], locale: TLocale) {
  const t = createTranslator({ locale, messages: locale === "fr" ? fr : en, namespace: "errors" });
  return issues.map((i) => ({
    field: issuePath(i.path),
    code: i.key,
    message: t(i.key, i.max !== undefined ? { max: i.max } : {}),
  }));
}

/** A file problem (lib/attachments/check-attachments.ts) as the API's field error: field "attachments", the file named. */
export function attachmentErrors(e: TFieldError, locale: TLocale) {
  const t = createTranslator({ locale, messages: locale === "fr" ? fr : en, namespace: "attachments" });
  const code = e.key.replace(/^attachments\./, "");
  return [{ field: "attachments", code, message: t(code as "errorType", { max: e.max ?? 0, file: e.file ?? "" }) }];
}
