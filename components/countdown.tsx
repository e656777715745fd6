"use client";
// Time left until the deadline, counted from the server's figure with the
// browser's monotonic clock, so a wrong clock on the reader's device cannot
// make it lie. Only a display: the server decides what is accepted.
import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";

const TICK = 15_000;
const subscribe = (cb: () => void) => {
  const id = setInterval(cb, TICK);
  return () => clearInterval(id);
};

export function Countdown({ remainingMs }: { remainingMs: number }) {
  const t = useTranslations("status");
  const [start] = useState(() => performance.now());
  const elapsed = useSyncExternalStore(
    subscribe,
    () => Math.floor((performance.now() - start) / TICK) * TICK,
    () => 0,
  );
  const left = remainingMs - elapsed;
  if (left <= 0) return <span>{t("closed")}</span>;
  if (left < 60_000) return <span>{t("countdownSoon")}</span>;
  const minutesTotal = Math.floor(left / 60_000);
  return (
    <span>
      {t("countdown", {
        days: Math.floor(minutesTotal / 1440),
        hours: Math.floor((minutesTotal % 1440) / 60),
        minutes: minutesTotal % 60,
      })}
    </span>
  );
}
