// The queue's filters: a plain GET form, so every view has its own address,
// in a panel that stays closed (the queue comes first) unless a filter needs
// the moderator's attention; its summary says how many filters are active.
import { getTranslations } from "next-intl/server";
import type { TConsultation } from "@/lib/consultations/get-consultation";
import { clauseLabel } from "@/lib/consultations/clause-label";
import { listCountries } from "@/lib/countries/list-countries";
import type { TQueueFilter } from "@/lib/feedback/queue-filter";
import { DISPOSITIONS, ITEM_STATUSES } from "@/lib/feedback/triage-schema";
import { ErrorMessage } from "@/components/ui/field";
import { RESPONDENT_TYPES } from "@/lib/responses/schema";
import type { TFilterCounts } from "@/lib/feedback/filter-counts";
import { languageName } from "@/lib/themes/language-name";

type TOption = { value: string; label: string };
import { QUEUE_ASPECTS as ASPECTS } from "@/lib/feedback/queue-filter";

function SelectFilter({
  id,
  name,
  label,
  value,
  options,
  any,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  options: TOption[];
  any: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="input">
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export async function QueueFilters(p: {
  locale: string;
  consultation: TConsultation;
  filter: TQueueFilter;
  tags: TOption[];
  moderators: TOption[];
  counts: TFilterCounts;
  problems: Partial<Record<"from" | "to", "dateInvalid" | "dateOrder">>;
  /** Detected languages to offer besides English and French (lib/themes/get-themes.ts themeLanguages). */
  languages?: string[];
}) {
  const th = await getTranslations({ locale: p.locale, namespace: "themes" });
  const [t, tt, tc, tr, tv, te] = await Promise.all([
    getTranslations({ locale: p.locale, namespace: "moderate" }),
    getTranslations({ locale: p.locale, namespace: "triage" }),
    getTranslations({ locale: p.locale, namespace: "consultation" }),
    getTranslations({ locale: p.locale, namespace: "respond" }),
    getTranslations({ locale: p.locale, namespace: "queueViews" }),
    getTranslations({ locale: p.locale, namespace: "errors" }),
  ]);
  const f = p.filter;
  const nf = new Intl.NumberFormat(p.locale);
  const withCount = (label: string, n: number | undefined) => `${label} (${nf.format(n ?? 0)})`;
  const ratings = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));
  const active = Object.keys(f).filter((k) => k !== "sort").length;
  const problem = (k: "from" | "to") => (p.problems[k] ? tv(`err_${p.problems[k]}`) : undefined);
  return (
    <div className="mb-3 flex flex-wrap items-start gap-x-6">
      <details
        className="min-w-0 flex-1 border-l-4 border-line pl-4"
        open={p.problems.from || p.problems.to ? true : undefined}
      >
        <summary className="cursor-pointer py-1">
          <h2 id="filters-title" className="inline text-lg font-bold">
            {tv("filters")}
          </h2>{" "}
          <span className="text-muted">({tv("filtersActive", { count: active })})</span>
        </summary>
        <form method="get" className="mt-2" aria-labelledby="filters-title" role="search">
          <input type="hidden" name="c" value={p.consultation.slug} />
          <div className="mb-4 max-w-xl">
            <label htmlFor="filter-q" className="mb-1 block font-bold">
              {t("search")}
            </label>
            <p id="filter-q-hint" className="mb-1 text-muted">
              {t("searchHint")}
            </p>
            <input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={f.q ?? ""}
              maxLength={200}
              aria-describedby="filter-q-hint"
              className="input"
            />
          </div>
          <div className="mb-4 flex flex-wrap items-end gap-4">
            <SelectFilter
              id="filter-clause"
              name="clause"
              label={t("clause")}
              value={f.clause}
              any={t("any")}
              options={p.consultation.clauses.map((k) => ({
                value: k.key,
                label: withCount(clauseLabel(k, tc), p.counts.clause.get(k.key)),
              }))}
            />
            <SelectFilter
              id="filter-aspect"
              name="aspect"
              label={t("aspect")}
              value={f.aspect}
              any={t("any")}
              options={ASPECTS.map((a) => ({ value: a, label: withCount(t(`aspect_${a}`), p.counts.aspect.get(a)) }))}
            />
            <SelectFilter
              id="filter-status"
              name="status"
              label={t("status")}
              value={f.status}
              any={t("any")}
              options={ITEM_STATUSES.map((s) => ({
                value: s,
                label: withCount(tt(`status_${s}`), p.counts.status.get(s)),
              }))}
            />
            <SelectFilter
              id="filter-type"
              name="type"
              label={t("respondentType")}
              value={f.type}
              any={t("any")}
              options={RESPONDENT_TYPES.map((v) => ({
                value: v,
                label: withCount(tr(`type_${v}`), p.counts.type.get(v)),
              }))}
            />
            <SelectFilter
              id="filter-country"
              name="country"
              label={t("country")}
              value={f.country}
              any={t("any")}
              options={listCountries(p.locale)
                .filter((c) => p.counts.country.has(c.code) || f.country === c.code)
                .map((c) => ({ value: c.code, label: withCount(c.name, p.counts.country.get(c.code)) }))}
            />
            <SelectFilter
              id="filter-tag"
              name="tag"
              label={t("tag")}
              value={f.tag}
              any={t("any")}
              options={p.tags.map((x) => ({ value: x.value, label: withCount(x.label, p.counts.tag.get(x.value)) }))}
            />
            <SelectFilter
              id="filter-assignee"
              name="assignee"
              label={t("assignee")}
              value={f.assignee}
              any={t("any")}
              options={[{ value: "none", label: t("unassigned") }, ...p.moderators]}
            />
            <SelectFilter
              id="filter-decision"
              name="decision"
              label={tv("decision")}
              value={f.decision}
              any={t("any")}
              options={[
                { value: "none", label: withCount(tv("decisionNone"), p.counts.decision.get("none")) },
                ...DISPOSITIONS.map((d) => ({
                  value: d,
                  label: withCount(tt(`disposition_${d}`), p.counts.decision.get(d)),
                })),
              ]}
            />
            <SelectFilter
              id="filter-lang"
              name="lang"
              label={th("languageFilter")}
              value={f.lang}
              any={t("any")}
              options={[
                { value: "other", label: th("languageOther") },
                ...[
                  ...new Set(["eng", "fra", ...(p.languages ?? []), ...(f.lang && f.lang !== "other" ? [f.lang] : [])]),
                ].map((code) => ({ value: code, label: languageName(code, p.locale) })),
              ]}
            />
          </div>
          <div className="mb-4 flex flex-wrap items-end gap-4">
            {/* A date picker, in the browser's own format for the reader's language: no
            format to state, only the time zone in which days are counted. */}
            {(["from", "to"] as const).map((k) => (
              <div key={k} className={problem(k) ? "border-l-4 border-error pl-3" : undefined}>
                <label htmlFor={`filter-${k}`} className="mb-1 block font-bold">
                  {t(k)}
                </label>
                <p id={`filter-${k}-hint`} className="mb-1 text-muted">
                  {t("dateHint")}
                </p>
                <ErrorMessage id={`filter-${k}`} error={problem(k)} prefix={te("prefix")} />
                <input
                  id={`filter-${k}`}
                  name={k}
                  type="date"
                  defaultValue={f[k] ?? ""}
                  min="0001-01-01"
                  max="9999-12-31"
                  aria-describedby={problem(k) ? `filter-${k}-hint filter-${k}-error` : `filter-${k}-hint`}
                  aria-invalid={problem(k) ? true : undefined}
                  className={`input ${problem(k) ? "input-error" : ""}`}
                />
              </div>
            ))}
            <SelectFilter
              id="filter-min"
              name="minRating"
              label={t("minRating")}
              value={f.minRating?.toString()}
              any={t("any")}
              options={ratings}
            />
            <SelectFilter
              id="filter-max"
              name="maxRating"
              label={t("maxRating")}
              value={f.maxRating?.toString()}
              any={t("any")}
              options={ratings}
            />
            <SelectFilter
              id="filter-sort"
              name="sort"
              label={t("sort")}
              value={f.sort}
              any={t("sortNewest")}
              options={[{ value: "oldest", label: t("sortOldest") }]}
            />
            <div className="flex items-center gap-2 pb-2">
              <input
                id="filter-term"
                name="hasTerm"
                type="checkbox"
                value="1"
                defaultChecked={!!f.hasTerm}
                className="size-6 accent-brand"
              />
              <label htmlFor="filter-term">{t("hasTerm")}</label>
            </div>
            <div className="flex items-center gap-2 pb-2">
              <input
                id="filter-official"
                name="official"
                type="checkbox"
                value="1"
                defaultChecked={!!f.official}
                className="size-6 accent-brand"
              />
              <label htmlFor="filter-official">{withCount(t("officialOnly"), p.counts.official.get("1"))}</label>
            </div>
          </div>
          <p className="flex flex-wrap items-center gap-6">
            <button type="submit" className="bg-brand px-4 py-2 font-bold text-white">
              {t("apply")}
            </button>
          </p>
        </form>
      </details>
      {/* Beside the panel, so a filter can be cleared without opening it. */}
      {active ? (
        <a href={`/${p.locale}/moderate?c=${p.consultation.slug}`} className="py-1">
          {t("clear")}
        </a>
      ) : null}
    </div>
  );
}
