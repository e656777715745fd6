"use client";
// The deadline in the reader's own time zone, where it differs from the consultation's. The browser knows
// the reader's zone; the server does not (and a public page holds nothing of one visitor), so without
// JavaScript the reader sees UTC instead, when the consultation's zone is not UTC already.
import { useSyncExternalStore } from "react";
import { formatInstant, readerTimeZone } from "@/lib/consultations/format-instant";

const noSubscribe = () => () => {};

type TProps = { iso: string; locale: string; timeZone: string; label: string; fallback: string };

export function LocalTime({ iso, locale, timeZone, label, fallback }: TProps) {
  const date = new Date(iso);
  const text = useSyncExternalStore(
    noSubscribe,
    () => {
      const theirs = formatInstant(date, locale, readerTimeZone());
      return theirs === formatInstant(date, locale, timeZone) ? "" : theirs;
    },
    () => null,
  );
  if (text === null)
    return formatInstant(date, locale, "UTC") === formatInstant(date, locale, timeZone) ? null : (
      <span>{fallback}</span>
    );
  return text ? <span data-testid="local-time">{label.replace("{date}", text)}</span> : null;
}
