// Read-only views of a formal response: the submitted (or closed) text, and the
// workspace's history. Server components.
import { getTranslations } from "next-intl/server";
import { formatInstant } from "@/lib/consultations/format-instant";
import type { TWorkspaceClause } from "@/lib/formal/schema";

export async function FormalReadOnly(props: {
  locale: string;
  clauses: TWorkspaceClause[];
  positions: Record<string, Record<string, string>>;
  statement: string | null;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: "delegation" });
  const rows = props.clauses.filter((c) => props.positions[c.key]);
  return (
    <section className="mb-8">
      <h2 className="mb-4 text-2xl font-bold">{t("contentTitle")}</h2>
      {rows.length === 0 && !props.statement ? <p>{t("empty")}</p> : null}
      {rows.map((c) => {
        const p = props.positions[c.key];
        const line = (label: string, v?: string) =>
          v ? (
            <>
              <dt className="font-bold">{label}</dt>
              <dd className="mb-2 ml-0 whitespace-pre-line">{v}</dd>
            </>
          ) : null;
        return (
          <div key={c.key} className="mb-4 border-l-4 border-line pl-4">
            <h3 className="text-lg font-bold">
              {c.label}
              {c.heading ? ` — ${c.heading}` : ""}
            </h3>
            <dl>
              {line(t("stance"), p.stance ? t(`stance_${p.stance as "support"}`) : undefined)}
              {line(t("amendment"), p.amendment)}
              {line(t("clarity"), p.clarity)}
              {line(t("term"), p.term)}
              {line(t("wording"), p.wording)}
              {line(t("language"), p.language)}
              {line(t("feasibility"), p.feasibility)}
            </dl>
          </div>
        );
      })}
      {props.statement ? (
        <>
          <h3 className="text-lg font-bold">{t("statement")}</h3>
          <p className="max-w-prose whitespace-pre-line">{props.statement}</p>
        </>
      ) : null}
    </section>
  );
}

type TEvent = { id: string; at: Date; kind: string; detail: string | null; actor: { name: string } };

export async function FormalHistory({
  locale,
  timeZone,
  events,
}: {
  locale: string;
  timeZone: string;
  events: TEvent[];
}) {
  const t = await getTranslations({ locale, namespace: "delegation" });
  const tr = await getTranslations({ locale, namespace: "countryTracker" });
  const what = (e: TEvent) => {
    switch (e.kind) {
      case "saved":
        return e.detail ? t("event_saved", { changed: e.detail }) : t("event_savedNothing");
      case "extension_granted": {
        const [until, ...reason] = (e.detail ?? "").split(" ");
        const d = new Date(until);
        return t("event_extension_granted", {
          until: Number.isNaN(d.getTime()) ? until : formatInstant(d, locale, timeZone),
          reason: reason.join(" "),
        });
      }
      case "reopened":
        return t("event_reopened", { reason: e.detail ?? "" });
      case "submitted":
        return t("event_submitted", { reference: e.detail ?? "" });
      case "ready":
        return tr("event_ready");
      case "letter_uploaded":
        return t("event_letter_uploaded", { detail: e.detail ?? "" });
      default:
        return e.kind;
    }
  };
  return (
    <section className="mt-12">
      <h2 className="mb-4 text-2xl font-bold">{t("historyTitle")}</h2>
      {events.length === 0 ? (
        <p>{t("historyEmpty")}</p>
      ) : (
        <ol className="space-y-2">
          {events.map((e) => (
            <li key={e.id} className="border-b border-line pb-2">
              <span className="text-muted">{formatInstant(e.at, locale, timeZone)}</span> ·{" "}
              <strong>{e.actor.name}</strong>: <span className="break-words">{what(e)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
