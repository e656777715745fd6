// The facts a respondent needs first: open or closed, the deadline in the
// consultation's time zone and the reader's, time left, responses so far.
import { getTranslations } from "next-intl/server";
import { Countdown } from "./countdown";
import { LocalTime } from "./local-time";
import { formatInstant } from "@/lib/consultations/format-instant";
import { countdownText } from "@/lib/consultations/countdown-text";
import { offsetAt } from "@/lib/consultations/zoned-time";
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
  const utc = formatInstant(p.closesAt, p.locale, "UTC");
  const remainingMs = p.closesAt.getTime() - p.now.getTime();
  const countdown = { template: t.raw("countdown") as string, soon: t("countdownSoon"), closed: t("closed") };
  const opens = t("opensAt", { date: formatInstant(p.opensAt, p.locale, p.timeZone) });
  // Open green, closed red, upcoming the brand's blue: not yet open must not look like open.
  const tone = p.status === "closed" ? "text-error" : p.status === "open" ? "text-success" : "text-brand";
  return (
    <dl
      data-testid="consultation-status"
      data-consultation-status={p.status}
      className="mb-6 grid grid-cols-1 gap-x-6 gap-y-3 border-l-8 border-brand bg-panel p-4 sm:grid-cols-[max-content_1fr]"
    >
      <dt className="font-bold">{t("deadline")}</dt>
      <dd>
        <strong className={tone}>{t(p.status)}</strong>
        <br />
        {/* Upcoming: when it opens comes first. */}
        {p.status === "upcoming" ? (
          <>
            {opens}
            <br />
          </>
        ) : null}
        {p.status === "closed" ? t("closedAt", { date: deadline }) : t("closesAt", { date: deadline })}
        <br />
        <span className="text-muted">
          <LocalTime
            iso={p.closesAt.toISOString()}
            locale={p.locale}
            timeZone={p.timeZone}
            zoneText={deadline}
            zoneOffsetMinutes={offsetAt(p.closesAt.getTime(), p.timeZone) / 60_000}
            label={t("yourTime", { date: "{date}" })}
            fallback={utc === deadline ? undefined : t("yourTimeNoScript", { date: utc })}
          />
        </span>
      </dd>
      {p.status === "open" ? (
        <>
          <dt className="font-bold">{t("timeLeft")}</dt>
          <dd>
            <Countdown
              remainingMs={remainingMs}
              locale={p.locale}
              texts={countdown}
              initial={countdownText(remainingMs, countdown, p.locale)}
            />
          </dd>
        </>
      ) : null}
      <dt className="font-bold">{t("responses")}</dt>
      <dd>{t("responseCount", { count: p.responseCount })}</dd>
    </dl>
  );
}
