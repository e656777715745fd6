import { getTranslations } from "next-intl/server";
import { ClauseBody } from "@/components/clause-body";
import { wordDiff } from "@/lib/drafting/word-diff";

type TText = {
  bodyEn: string;
  bodyFr: string;
  version?: number;
  textVersion?: number;
  removedInVersion?: number | null;
};

/** The clause text a comment answered, and how the current text differs from it. */
export async function ClauseVersions({
  locale,
  answered,
  current,
}: {
  locale: string;
  answered: (TText & { version: number }) | null;
  current: TText & { textVersion: number; removedInVersion: number | null };
}) {
  const t = await getTranslations({ locale, namespace: "triage" });
  const body = (x: TText) => (locale === "fr" ? x.bodyFr : x.bodyEn);
  const then = answered ?? { ...current, version: current.textVersion };
  return (
    <section className="mb-4">
      <h3 className="mb-1 font-bold">{t("answeredText", { version: then.version })}</h3>
      <ClauseBody text={body(then)} className="mb-2 text-muted" />
      {current.removedInVersion ? (
        <p className="mb-2 font-bold">{t("removedClause", { version: current.removedInVersion })}</p>
      ) : null}
      {current.textVersion === then.version ? (
        <p className="text-muted">{t("unchangedText")}</p>
      ) : (
        <>
          <h3 className="mb-1 font-bold">{t("currentText", { version: current.textVersion })}</h3>
          <p className="whitespace-pre-line" data-testid="clause-diff">
            {wordDiff(body(then), body(current)).map((p, i) =>
              p.kind === "same" ? (
                <span key={i}>{p.text}</span>
              ) : p.kind === "added" ? (
                <ins key={i} className="bg-panel font-bold">
                  <span className="sr-only">[{t("diffAdded")}] </span>
                  {p.text}
                </ins>
              ) : (
                <del key={i} className="text-error">
                  <span className="sr-only">[{t("diffRemoved")}] </span>
                  {p.text}
                </del>
              ),
            )}
          </p>
        </>
      )}
    </section>
  );
}
