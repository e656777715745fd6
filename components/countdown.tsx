"use client";
// Time left until the deadline, counted from the server's figure with the
// browser's monotonic clock, so a wrong clock on the reader's device cannot
// make it lie. Only a display: the server decides what is accepted.
// Its texts come from the server (next-intl's messages, untranslated templates for the
// ticking one), so the public pages ship no translation library to the browser.
import { useState, useSyncExternalStore } from "react";
import { formatPluralMessage } from "@/lib/i18n/plural-message";

const TICK = 15_000;
const subscribe = (cb: () => void) => {
  const id = setInterval(cb, TICK);
  return () => clearInterval(id);
};

type TProps = { remainingMs: number; locale: string; template: string; soon: string; closed: string };

export function Countdown({ remainingMs, locale, template, soon, closed }: TProps) {
  const [start] = useState(() => performance.now());
  const elapsed = useSyncExternalStore(
    subscribe,
    () => Math.floor((performance.now() - start) / TICK) * TICK,
    () => 0,
  );
  const left = remainingMs - elapsed;
  if (left <= 0) return <span>{closed}</span>;
  if (left < 60_000) return <span>{soon}</span>;
  const minutesTotal = Math.floor(left / 60_000);
  return (
    <span>
      {formatPluralMessage(
        template,
        {
          days: Math.floor(minutesTotal / 1440),
          hours: Math.floor((minutesTotal % 1440) / 60),
          minutes: minutesTotal % 60,
        },
        locale,
      )}
    </span>
  );
}
