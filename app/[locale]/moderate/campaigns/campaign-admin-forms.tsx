"use client";
// The campaigns page's forms (app/[locale]/moderate/campaigns): merge two
// campaigns, take items out of one. Server Actions with useActionState: they
// work without JavaScript too (the page is rendered again with the answer).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { mergeCampaignsAction, removeFromCampaignAction } from "./actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { ErrorMessage, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { INITIAL_FORM, type TFormState } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"campaigns">>>[0];

function useErrors(state: TFormState) {
  const t = useTranslations("campaigns");
  const tt = useTranslations("triage");
  const text = (key: string) => (key === "err_forbidden" ? tt("err_forbidden") : t(key as TKey));
  const err = (field: string) => {
    const e = state.errors.find((x) => x.field === field);
    return e ? text(e.key) : undefined;
  };
  return { text, err };
}

export function MergeCampaigns({ slug, options }: { slug: string; options: { value: string; label: string }[] }) {
  const t = useTranslations("campaigns");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(mergeCampaignsAction, INITIAL_FORM);
  const { text, err } = useErrors(state);
  return (
    <>
      {state.status === "ok" ? (
        <div role="status">
          <Notice>{t("merged", { count: Number(state.info?.moved ?? 0) })}</Notice>
        </div>
      ) : null}
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({
          href: `#merge-${e.field === "target" ? "target" : "source"}`,
          text: text(e.key),
        }))}
      />
      {/* With one campaign left (after a merge, say) there is nothing to merge: the answer above stays. */}
      {options.length < 2 ? null : (
        <form action={action} noValidate key={state.nonce} className="max-w-full">
          <input type="hidden" name="slug" value={slug} />
          <Select
            id="merge-source"
            name="source"
            label={t("mergeSource")}
            placeholder={t("mergeChoose")}
            options={options}
            defaultValue={state.values.source}
            error={err("source")}
            errorPrefix={te("prefix")}
          />
          <Select
            id="merge-target"
            name="target"
            label={t("mergeTarget")}
            hint={t("mergeTargetHint")}
            placeholder={t("mergeChoose")}
            options={options}
            defaultValue={state.values.target}
            error={err("target")}
            errorPrefix={te("prefix")}
          />
          <button type="submit" disabled={pending} className="bg-brand px-4 py-2 font-bold text-white">
            {t("mergeSubmit")}
          </button>
        </form>
      )}
    </>
  );
}

export type TItemOption = { id: string; reference: string; label: string; comment: string; href: string };

export function RemoveFromCampaign({
  slug,
  campaign,
  items,
}: {
  slug: string;
  campaign: string;
  items: TItemOption[];
}) {
  const t = useTranslations("campaigns");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(removeFromCampaignAction, INITIAL_FORM);
  const { text, err } = useErrors(state);
  const error = err("ids") ?? err("campaign");
  return (
    <>
      {state.status === "ok" ? (
        <div role="status">
          <Notice>
            {t("removed", { count: Number(state.info?.removed ?? 0) })}{" "}
            {state.info?.dissolved === "true" ? t("dissolved") : null}
          </Notice>
        </div>
      ) : null}
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({ href: "#remove-ids", text: text(e.key) }))}
      />
      <form action={action} noValidate key={state.nonce}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="campaign" value={campaign} />
        <fieldset
          id="remove-ids"
          tabIndex={-1}
          aria-describedby={error ? "remove-ids-error" : "remove-ids-hint"}
          className={`mb-4 ${error ? "border-l-4 border-error pl-4" : ""}`}
        >
          <legend className="mb-1 text-xl font-bold">{t("itemsTitle")}</legend>
          <p id="remove-ids-hint" className="mb-2 text-muted">
            {t("removeHint")}
          </p>
          <ErrorMessage id="remove-ids" error={error} prefix={te("prefix")} />
          <ul className="divide-y divide-line border-y border-line">
            {items.map((i) => (
              <li key={i.id} className="flex gap-3 py-3">
                <input
                  type="checkbox"
                  id={`remove-${i.id}`}
                  name="ids"
                  value={i.id}
                  defaultChecked={state.values.ids === i.id}
                  className="mt-1 h-6 w-6 shrink-0"
                />
                <div className="min-w-0">
                  <label htmlFor={`remove-${i.id}`} className="font-bold">
                    {i.label}
                  </label>
                  <p className="break-words">{i.comment}</p>
                  <a href={i.href}>{t("openItem", { reference: i.reference })}</a>
                </div>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" disabled={pending} className="bg-brand px-4 py-2 font-bold text-white">
          {t("removeSubmit")}
        </button>
      </form>
    </>
  );
}
