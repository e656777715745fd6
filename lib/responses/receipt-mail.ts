// The email receipt: the reference, what was received, the receipt's link and,
// when there is one, the private link to change or withdraw until the deadline.
// Sent from the outbox (deliver-receipts.ts).
import { appUrl } from "@/lib/env";
import type { TMail } from "@/lib/mail/send-mail";
import { translator } from "@/lib/i18n/translator";
import { formatInstant } from "@/lib/consultations/format-instant";
import type { TLocale } from "@/lib/i18n/routing";
import { receiptKey } from "./receipt-key";
import { formatFileSize } from "@/lib/attachments/format-size";

type TReceiptMail = {
  to: string;
  locale: TLocale;
  consultation: { slug: string; title: Record<TLocale, string>; closesAt: Date; timeZone: string };
  reference: string;
  submittedAt: Date;
  items: number;
  /** The files stored with the response, in the order sent (lib/attachments/). */
  files?: { fileName: string; size: number; sha256: string }[];
  manageToken: string | null;
};

export function composeReceiptMail(m: TReceiptMail): TMail {
  const t = translator(m.locale, "receiptMail");
  const base = `${appUrl()}/${m.locale}/c/${m.consultation.slug}`;
  const lines = [
    t("greeting"),
    "",
    t("received", {
      title: m.consultation.title[m.locale],
      when: formatInstant(m.submittedAt, m.locale, m.consultation.timeZone),
    }),
    t("reference", { reference: m.reference }),
    t("items", { count: m.items }),
    ...fileLines(m),
    "",
    t("view"),
    `${base}/receipt/${m.reference}?key=${receiptKey(m.reference)}`,
  ];
  if (m.manageToken) {
    lines.push(
      "",
      t("manage", { deadline: formatInstant(m.consultation.closesAt, m.locale, m.consultation.timeZone) }),
      `${base}/manage/${m.manageToken}`,
      t("keepPrivate"),
    );
  }
  lines.push("", t("signature"));
  return { to: m.to, subject: t("subject", { reference: m.reference }), text: lines.join("\n") };
}

/** Each file stored: its name and size, then its SHA-256, so the respondent can show what they sent. */
function fileLines(m: TReceiptMail): string[] {
  if (!m.files?.length) return [];
  const t = translator(m.locale, "attachmentsMore");
  return [
    "",
    t("mailFiles", { count: m.files.length }),
    ...m.files.flatMap((f) => [
      `- ${f.fileName} (${formatFileSize(f.size, m.locale)})`,
      `  ${t("mailSha256", { sha256: f.sha256 })}`,
    ]),
  ];
}
