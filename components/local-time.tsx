"use client";
// The deadline in the reader's own time zone, where it differs from the consultation's. The browser knows
// the reader's zone; the server does not (and a public page holds nothing of one visitor), so without
// JavaScript the reader sees UTC instead (`fallback`, which the server leaves out when the consultation's
// zone reads the same as UTC).
// The reader's time is worked out after hydration, in a task of its own: a phone's first Intl formatter
// with a zone name costs tens of milliseconds, which inside hydration made one task block the page for
// 75 ms (issue 12, "Light on a phone"). The consultation's own text comes from the server, so the browser
// formats one date, not three, and none when the reader's clock reads the same as the consultation's.
import { useEffect, useState } from "react";
import { formatInstant, readerTimeZone } from "@/lib/consultations/format-instant";

type TProps = {
  iso: string;
  locale: string;
  timeZone: string;
  /** The same instant as the server wrote it in the consultation's zone. */
  zoneText: string;
  /** How far the consultation's clock is ahead of UTC at that instant, in minutes. */
  zoneOffsetMinutes: number;
  label: string;
  fallback?: string;
};

export function LocalTime({ iso, locale, timeZone, zoneText, zoneOffsetMinutes, label, fallback }: TProps) {
  // null: not worked out yet (the server's rendering, and hydration); "": the reader's time reads the same.
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const id = setTimeout(() => {
      const date = new Date(iso);
      // The reader's clock reads the same as the consultation's: nothing to add, and no Intl formatter to make
      // (a phone's first one costs 60–130 ms, whatever it formats; the Date's own offset costs nothing).
      if (-date.getTimezoneOffset() === zoneOffsetMinutes) return setText("");
      const zone = readerTimeZone();
      const theirs = zone === timeZone ? zoneText : formatInstant(date, locale, zone);
      setText(theirs === zoneText ? "" : theirs);
    }, 0);
    return () => clearTimeout(id);
  }, [iso, locale, timeZone, zoneText, zoneOffsetMinutes]);
  if (text === null) return fallback ? <span>{fallback}</span> : null;
  return text ? <span data-testid="local-time">{label.replace("{date}", text)}</span> : null;
}
