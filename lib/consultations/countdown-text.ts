// The countdown's words for a time left ("2 days, 3 hours and 4 minutes left", "Less than a minute left",
// "Closed"): the same function on the server, which writes the first text into the page, and in the
// browser, which updates it every 15 s (components/countdown.tsx). The browser does not format the first
// text again while hydrating: its Intl objects would cost a phone a few milliseconds of blocking time.
import { formatPluralMessage } from "@/lib/i18n/plural-message";

export type TCountdownTexts = { template: string; soon: string; closed: string };

export function countdownText(leftMs: number, texts: TCountdownTexts, locale: string): string {
  if (leftMs <= 0) return texts.closed;
  if (leftMs < 60_000) return texts.soon;
  const minutesTotal = Math.floor(leftMs / 60_000);
  return formatPluralMessage(
    texts.template,
    {
      days: Math.floor(minutesTotal / 1440),
      hours: Math.floor((minutesTotal % 1440) / 60),
      minutes: minutesTotal % 60,
    },
    locale,
  );
}
