"use client";
// The queue's saved views: the moderator's own and the team's shared ones,
// each a link that applies its filter; "Save this view" stores the current
// filter under a name. Plain forms: they work without JavaScript too.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteViewAction, saveViewAction } from "@/app/[locale]/moderate/views/actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { ErrorMessage } from "@/components/ui/field";
import { VIEW_NAME_MAX } from "@/lib/saved-views/schema";
import { INITIAL_FORM as INITIAL } from "@/lib/forms/form-state";

export type TViewLink = {
  id: string;
  name: string;
  href: string;
  mine: boolean;
  shared: boolean;
  ownerName: string;
  current: boolean;
};

export function SavedViews({ slug, query, views }: { slug: string; query: string; views: TViewLink[] }) {
  const t = useTranslations("queueViews");
  const te = useTranslations("errors");
  const [state, save, saving] = useActionState(saveViewAction, INITIAL);
  const [deleted, remove, removing] = useActionState(deleteViewAction, INITIAL);
  const nameError = state.errors.find((e) => e.field === "name");
  const errorText = (key: string) => t(`err_${key}` as "err_invalid");
  return (
    <section aria-labelledby="views-title" className="mb-3">
      <ErrorSummary
        title={te("summaryTitle")}
        focusKey={state.nonce}
        errors={state.errors.map((e) => ({ href: "#view-name", text: errorText(e.key) }))}
      />
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <h2 id="views-title" className="text-lg font-bold">
          {t("savedViews")}
        </h2>
        {views.length === 0 ? (
          <p className="text-muted">{t("noViews")}</p>
        ) : (
          <ul className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
            {views.map((v) => (
              <li key={v.id} className="flex items-baseline gap-1">
                <a
                  href={v.href}
                  aria-current={v.current ? "page" : undefined}
                  className={v.current ? "font-bold" : undefined}
                >
                  {v.name}
                  {v.shared ? ` (${v.mine ? t("sharedByMe") : t("sharedBy", { name: v.ownerName })})` : ""}
                </a>
                {v.mine ? (
                  <form action={remove} className="inline">
                    <input type="hidden" name="id" value={v.id} />
                    <button
                      type="submit"
                      disabled={removing}
                      aria-label={t("delete", { name: v.name })}
                      className="px-1 text-error underline"
                    >
                      {t("deleteShort")}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      {state.status === "ok" ? (
        <p role="status" className="mt-1 font-bold">
          {t("saved", { name: state.info?.saved ?? "" })}
        </p>
      ) : null}
      {deleted.status === "ok" ? (
        <p role="status" className="mt-1 font-bold">
          {t("deleted")}
        </p>
      ) : null}
      {deleted.status === "error" ? (
        <p role="alert" className="mt-1 font-bold text-error">
          {errorText(deleted.errors[0]?.key ?? "invalid")}
        </p>
      ) : null}
      <details key={state.nonce} open={state.status === "error" || undefined} className="mt-1">
        <summary className="cursor-pointer">{t("saveThis")}</summary>
        <form action={save} className="mt-2 flex flex-wrap items-end gap-4 border-l-4 border-line pl-4">
          <input type="hidden" name="c" value={slug} />
          <input type="hidden" name="query" value={query} />
          <div className={nameError ? "border-l-4 border-error pl-3" : undefined}>
            <label htmlFor="view-name" className="mb-1 block font-bold">
              {t("name")}
            </label>
            <p id="view-name-hint" className="mb-1 text-muted">
              {t("nameHint", { max: VIEW_NAME_MAX })}
            </p>
            <ErrorMessage
              id="view-name"
              error={nameError ? errorText(nameError.key) : undefined}
              prefix={te("prefix")}
            />
            <input
              id="view-name"
              name="name"
              maxLength={VIEW_NAME_MAX + 20}
              defaultValue={state.values.name}
              aria-describedby={nameError ? "view-name-hint view-name-error" : "view-name-hint"}
              aria-invalid={nameError ? true : undefined}
              className={`input ${nameError ? "input-error" : ""}`}
            />
          </div>
          <div className="flex items-center gap-2 pb-2">
            <input
              id="view-shared"
              name="shared"
              type="checkbox"
              value="1"
              defaultChecked={state.values.shared === "1"}
              className="size-6 accent-brand"
            />
            <label htmlFor="view-shared">{t("share")}</label>
          </div>
          <button type="submit" disabled={saving} className="bg-brand px-4 py-2 font-bold text-white">
            {t("save")}
          </button>
        </form>
      </details>
    </section>
  );
}
