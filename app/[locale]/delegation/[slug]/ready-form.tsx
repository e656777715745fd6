"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { markReadyAction } from "./actions";
import { INITIAL_FORM } from "@/lib/forms/form-state";

type TKey = Parameters<ReturnType<typeof useTranslations<"countryTracker">>>[0];

/** "Ready for approval": tells the country's approvers by email (the saved version the person is looking at). */
export function ReadyForm({ slug, version }: { slug: string; version: number }) {
  const t = useTranslations("countryTracker");
  const [state, action, pending] = useActionState(markReadyAction, INITIAL_FORM);
  const e = state.errors[0];
  return (
    <form action={action} key={state.nonce} className="mb-6">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      {state.status === "ok" ? (
        <p role="status" className="mb-2 border-l-8 border-brand bg-panel p-4">
          {t("readyDone", { count: Number(state.info?.count ?? 0) })}
        </p>
      ) : e ? (
        <p role="alert" className="mb-2 border-l-8 border-error bg-panel p-4">
          {t(e.key as TKey)}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="border-2 border-brand px-4 py-2 font-bold text-brand">
        {t("readyButton")}
      </button>
    </form>
  );
}
