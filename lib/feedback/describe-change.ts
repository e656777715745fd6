// A moderation event's field and values in words, for the item's history and
// for the message a refused (stale) save shows. Works with next-intl's
// translator on the server and in the browser alike.
type TTranslate = (key: string) => string;

export function fieldLabel(t: TTranslate, field: string): string {
  return t(`field_${field}`);
}

export function valueLabel(
  t: TTranslate,
  moderators: { id: string; name: string }[],
  field: string,
  v: string | null,
  campaigns?: Map<string, string>,
): string {
  if (v === null) return t("empty");
  // A campaign by the start of its text (campaign-samples.ts); one merged away or dissolved since is gone.
  if (field === "campaign") return campaigns?.get(v) ?? t("value_campaignGone");
  if (field === "status") return t(`status_${v}`);
  if (field === "disposition") return t(`disposition_${v}`);
  if (field === "assignee") return moderators.find((m) => m.id === v)?.name ?? v;
  if (field === "publication") return t(v === "cleared" ? "value_cleared" : "value_withheld");
  return v;
}
