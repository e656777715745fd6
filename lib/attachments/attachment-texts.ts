import "server-only";
import { getTranslations } from "next-intl/server";
import type { TAttachmentTexts } from "@/components/response-form/attachments-field";
import { formatFileSize } from "./format-size";
import { type TAttachmentLimits, toMb } from "./limits";

const ERRORS = ["errorTooMany", "errorTooLarge", "errorTotalTooLarge", "errorType", "errorEmpty"] as const;
const ERRORS_MORE = ["errorTooManyKept", "errorTotalTooLargeKept"] as const;

/**
 * The response form's file field texts, translated on the server (the form's client messages do not carry them).
 * `stored`: changing a response through its private link, its files (each with a box to remove it); `keyIn`: staff
 * keying in a response received on paper or by email.
 */
export async function attachmentTexts(
  locale: string,
  limits: TAttachmentLimits,
  opts: { stored?: { id: string; fileName: string; size: number }[]; keyIn?: boolean } = {},
): Promise<TAttachmentTexts> {
  const t = await getTranslations({ locale, namespace: "attachments" });
  const tr = await getTranslations({ locale, namespace: "respond" });
  const tm = await getTranslations({ locale, namespace: "attachmentsMore" });
  const hint = t("hint", {
    maxFiles: limits.maxFiles,
    maxFileMb: toMb(limits.maxFileBytes),
    maxResponseMb: toMb(limits.maxResponseBytes),
  });
  return {
    label: t("label"),
    optional: tr("optional"),
    hint: opts.keyIn ? `${tm("keyInHint")} ${hint}` : hint,
    chooseAgain: t("chooseAgain"),
    errors: Object.fromEntries([
      ...ERRORS.map((k) => [k, String(t.raw(k))]),
      ...ERRORS_MORE.map((k) => [k, String(tm.raw(k))]),
    ]),
    canAdd: limits.maxFiles > 0,
    ...(opts.stored?.length
      ? {
          stored: {
            legend: tm("storedLegend"),
            hint: tm("storedHint"),
            files: opts.stored.map((f) => ({
              id: f.id,
              label: tm("remove", { name: f.fileName, size: formatFileSize(f.size, locale) }),
            })),
          },
        }
      : {}),
  };
}
