// The item page's list of the response's attached files: name (a download link), size, SHA-256, and whether it is
// cleared for publication, with the moderator's button to clear it or withdraw the clearance.
import { getTranslations } from "next-intl/server";
import { attachmentHref, type TListedAttachment } from "@/lib/attachments/get-attachment";
import { Notice } from "@/components/ui/notice";
import { clearAttachmentAction } from "./attachment-actions";

const OUTCOMES = {
  cleared: "clearedDone",
  uncleared: "unclearedDone",
  notFound: "notFound",
  noConsent: "noConsent",
} as const;

export async function AttachmentsSection(p: {
  locale: string;
  itemId: string;
  files: TListedAttachment[];
  consented: boolean;
  outcome?: string;
}) {
  const t = await getTranslations({ locale: p.locale, namespace: "attachments" });
  const said = p.outcome && p.outcome in OUTCOMES ? OUTCOMES[p.outcome as keyof typeof OUTCOMES] : null;
  return (
    <section aria-labelledby="attachments-title" className="mb-6">
      <h3 id="attachments-title" className="mb-1 font-bold" tabIndex={-1}>
        {t("title")}
      </h3>
      {said ? (
        <div role="status">
          <Notice tone={said === "clearedDone" || said === "unclearedDone" ? "info" : "warning"}>{t(said)}</Notice>
        </div>
      ) : null}
      {p.files.length === 0 ? (
        <p className="mb-4">{t("none")}</p>
      ) : (
        <>
          {p.consented ? null : <p className="mb-2">{t("noConsent")}</p>}
          <ul className="mb-4 space-y-3" aria-label={t("caption")}>
            {p.files.map((f) => (
              <li key={f.id} className="border-l-4 border-line pl-3" data-testid="attachment">
                <p>
                  <a
                    href={attachmentHref(f.id)}
                    download={f.fileName}
                    aria-label={t("download", { name: f.fileName })}
                    className="break-all"
                  >
                    {f.fileName}
                  </a>{" "}
                  · {t("sizeKb", { kb: Math.max(1, Math.round(f.size / 1024)) })}
                </p>
                <p className="break-all font-mono text-sm">
                  <span className="font-sans font-bold">{t("colSha256")}</span> {f.sha256}
                </p>
                <p>{f.clearedAt ? t("cleared") : t("notCleared")}</p>
                {p.consented || f.clearedAt ? (
                  <form action={clearAttachmentAction} className="mt-1">
                    <input type="hidden" name="locale" value={p.locale} />
                    <input type="hidden" name="item" value={p.itemId} />
                    <input type="hidden" name="file" value={f.id} />
                    <input type="hidden" name="cleared" value={f.clearedAt ? "0" : "1"} />
                    <button type="submit" className="border border-brand px-3 py-1">
                      {f.clearedAt ? t("unclear", { name: f.fileName }) : t("clear", { name: f.fileName })}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
