// The facts a respondent needs first: open or closed, the deadline in the
// consultation's time zone and the reader's, time left, responses so far.
import { getTranslations } from "next-intl/server";
import { Countdown } from "./countdown";
import { LocalTime } from "./local-time";
import { formatInstant } from "@/lib/consultations/format-instant";
import type { TStatus } from "@/lib/consultations/consultation-status";

type TProps = {
  locale: string;
  status: TStatus;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  now: Date;
  responseCount: number;
};

export async function ConsultationStatus(p: TProps) {
  const t = await getTranslations({ locale: p.locale, namespace: "status" });
  const deadline = formatInstant(p.closesAt, p.locale, p.timeZone);
  return (
    <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-3 border-l-8 border-brand bg-panel p-4 sm:grid-cols-[max-content_1fr]">
      <dt className="font-bold">{t("deadline")}</dt>
      <dd>
        <strong className={p.status === "closed" ? "text-error" : "text-success"}>{t(p.status)}</strong>
        <br />
        {p.status === "closed" ? t("closedAt", { date: deadline }) : t("closesAt", { date: deadline })}
        <br />
        <span className="text-muted">
          <LocalTime
            iso={p.closesAt.toISOString()}
            locale={p.locale}
            label={t("yourTime", { date: "{date}" })}
            fallback={t("yourTimeNoScript", { date: formatInstant(p.closesAt, p.locale, "UTC") })}
          />
        </span>
        {p.status === "upcoming" ? (
          <>
            <br />
            {t("opensAt", { date: formatInstant(p.opensAt, p.locale, p.timeZone) })}
          </>
        ) : null}
      </dd>
      {p.status === "open" ? (
        <>
          <dt className="font-bold">{t("timeLeft")}</dt>
          <dd>
            <Countdown
              remainingMs={p.closesAt.getTime() - p.now.getTime()}
              locale={p.locale}
              template={t.raw("countdown") as string}
              soon={t("countdownSoon")}
              closed={t("closed")}
            />
          </dd>
        </>
      ) : null}
      <dt className="font-bold">{t("responses")}</dt>
      <dd>{t("responseCount", { count: p.responseCount })}</dd>
    </dl>
  );
}
