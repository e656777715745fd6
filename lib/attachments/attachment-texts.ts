import "server-only";
import { getTranslations } from "next-intl/server";
import type { TAttachmentTexts } from "@/components/response-form/attachments-field";
import { type TAttachmentLimits, toMb } from "./limits";

const ERRORS = ["errorTooMany", "errorTooLarge", "errorTotalTooLarge", "errorType", "errorEmpty"] as const;

/** The response form's file field texts, translated on the server (the form's client messages do not carry them). */
export async function attachmentTexts(locale: string, limits: TAttachmentLimits): Promise<TAttachmentTexts> {
  const t = await getTranslations({ locale, namespace: "attachments" });
  const tr = await getTranslations({ locale, namespace: "respond" });
  return {
    label: t("label"),
    optional: tr("optional"),
    hint: t("hint", {
      maxFiles: limits.maxFiles,
      maxFileMb: toMb(limits.maxFileBytes),
      maxResponseMb: toMb(limits.maxResponseBytes),
    }),
    chooseAgain: t("chooseAgain"),
    errors: Object.fromEntries(ERRORS.map((k) => [k, String(t.raw(k))])),
  };
}
