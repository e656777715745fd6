"use client";
// The deadline in the reader's own time zone. The browser knows it; the server
// does not, so without JavaScript the reader sees UTC instead.
import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

export function LocalTime({ iso, locale, label, fallback }: { iso: string; locale: string; label: string; fallback: string }) {
  const text = useSyncExternalStore(
    noSubscribe,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short",
      }).format(new Date(iso)),
    () => null,
  );
  return <span>{text ? label.replace("{date}", text) : fallback}</span>;
}
