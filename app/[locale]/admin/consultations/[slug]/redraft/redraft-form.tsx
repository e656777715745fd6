"use client";
// A new version of the draft: the two Markdown files, checked and aligned;
// then, for each new clause, which existing clause it carries over (suggested
// by text similarity) or "new". Existing clauses not chosen are removed.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { redraftAction } from "@/app/[locale]/admin/consultations/actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/field";
import { INITIAL_FORM } from "@/lib/forms/form-state";
import type { TDraftCheck } from "@/lib/drafting/align-drafts";
import type { TRedraftCounts } from "@/lib/drafting/count-consequences";
import { ConfirmPanel } from "@/components/admin/confirm-panel";
import { DraftCheck } from "@/components/admin/draft-check";

type TKey = Parameters<ReturnType<typeof useTranslations<"authoring">>>[0];
type TCurrent = { id: string; label: string; body: string };

export function RedraftForm({
  locale,
  slug,
  current,
  nextVersion,
}: {
  locale: string;
  slug: string;
  current: TCurrent[];
  nextVersion: number;
}) {
  const t = useTranslations("authoring");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(redraftAction, INITIAL_FORM);
  const v = state.values;
  const check = state.info?.check ? (JSON.parse(state.info.check) as TDraftCheck) : null;
  const proposal = state.info?.proposal
    ? (JSON.parse(state.info.proposal) as Record<string, { id: string | null; score: number }>)
    : {};
  const aligned = check && !check.mismatches.length && !check.problems.length && check.clauses.length > 0;
  const chosen = new Set(Object.values(proposal).map((p) => p.id));
  const confirm = state.info?.confirm ? (JSON.parse(state.info.confirm) as TRedraftCounts & { version: number }) : null;
  if (confirm) {
    // The confirmation: the numbers, and every field of the form again (hidden) so that "Yes" publishes exactly this.
    // The version it would make is the one the server counted for (another admin may have published since this page).
    const next = confirm.version + 1;
    return (
      <ConfirmPanel title={t("confirmRedraftTitle", { version: next })} headingLevel={2}>
        <p className="mb-2 font-bold" data-testid="consequence">
          {t("confirmRedraftClauses", {
            changed: confirm.changed,
            added: confirm.added,
            removed: confirm.removed,
            unchanged: confirm.unchanged,
          })}
        </p>
        <p className="mb-2">
          {t("confirmRedraftResponses", {
            answered: confirm.answeredCurrent,
            current: confirm.version,
            responses: confirm.responses,
          })}
        </p>
        <p className="mb-2">{t("confirmRedraftRespondents", { version: next })}</p>
        <p className="mb-4">{t("confirmRedraftUndo")}</p>
        <form action={action} noValidate encType="multipart/form-data">
          {Object.entries(v)
            .filter(([k]) => k !== "intent" && k !== "confirm")
            .map(([k, value]) => (
              <input key={k} type="hidden" name={k} value={value} />
            ))}
          <input type="hidden" name="confirm" value={String(confirm.version)} />
          <div className="flex flex-wrap gap-4">
            <button
              type="submit"
              name="intent"
              value="publish"
              disabled={pending}
              className="bg-success px-5 py-3 font-bold text-white"
            >
              {t("confirmRedraftYes", { version: next })}
            </button>
            <button
              type="submit"
              name="intent"
              value="check"
              disabled={pending}
              formNoValidate
              className="border-2 border-brand px-5 py-3 font-bold text-brand"
            >
              {t("confirmRedraftNo")}
            </button>
          </div>
        </form>
      </ConfirmPanel>
    );
  }
  return (
    <>
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({
          href: e.field === "mapping" ? "#mapping" : e.field === "markdownFr" ? "#rd-markdownFr" : "#rd-markdownEn",
          text: t(e.key as TKey),
        }))}
      />
      <form action={action} noValidate key={state.nonce} encType="multipart/form-data">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="slug" value={slug} />
        {(["En", "Fr"] as const).map((l) => (
          <div key={l} className="mb-6">
            <label htmlFor={`rd-markdown${l}File`} className="mb-1 block font-bold">
              {t(`field_markdownFile_${l}`)}
            </label>
            <input
              id={`rd-markdown${l}File`}
              name={`markdown${l}File`}
              type="file"
              accept=".md,.markdown,text/markdown,text/plain"
              className="mb-2 block"
            />
            <TextArea
              id={`rd-markdown${l}`}
              name={`markdown${l}`}
              label={t(`field_markdown_${l}`)}
              maxLength={400_000}
              rows={6}
              defaultValue={v[`markdown${l}`]}
              errorPrefix={te("prefix")}
              error={state.errors.some((e) => e.field === `markdown${l}`) ? t(`draftNotAligned_${l}`) : undefined}
            />
          </div>
        ))}
        {check ? <DraftCheck check={check} /> : null}
        {aligned ? (
          <section id="mapping" tabIndex={-1} className="mb-8">
            <h2 className="mb-2 text-2xl font-bold">{t("mappingTitle")}</h2>
            <p className="mb-4 max-w-prose">{t("mappingIntro")}</p>
            {check.clauses.map((n) => (
              <div key={n.key} className="mb-4">
                <label htmlFor={`map-${n.key}`} className="mb-1 block font-bold">
                  {t("mapLabel", { number: n.number ?? t("preamble") })}{" "}
                  <span className="font-normal">{n.body.en.slice(0, 120)}</span>
                </label>
                <select
                  id={`map-${n.key}`}
                  name={`map@${n.key}`}
                  defaultValue={v[`map@${n.key}`] ?? proposal[n.key]?.id ?? "new"}
                  className="input max-w-2xl"
                >
                  <option value="new">{t("mapNew")}</option>
                  {current.map((c) => (
                    <option key={c.id} value={c.id}>{`${c.label}: ${c.body.slice(0, 80)}`}</option>
                  ))}
                </select>
              </div>
            ))}
            {current.filter((c) => !chosen.has(c.id)).length ? (
              <p className="mb-4">
                {t("willRemove", {
                  clauses: current
                    .filter((c) => !chosen.has(c.id))
                    .map((c) => c.label)
                    .join(", "),
                })}
              </p>
            ) : null}
          </section>
        ) : null}
        <div className="flex flex-wrap gap-4">
          <button
            type="submit"
            name="intent"
            value="check"
            disabled={pending}
            className="border-2 border-brand px-5 py-3 font-bold text-brand"
          >
            {t("check")}
          </button>
          {aligned ? (
            <button
              type="submit"
              name="intent"
              value="publish"
              disabled={pending}
              className="bg-success px-5 py-3 font-bold text-white"
            >
              {t("publishVersion", { version: nextVersion })}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
