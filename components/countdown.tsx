"use client";
// Time left until the deadline, counted from the server's figure with the
// browser's monotonic clock, so a wrong clock on the reader's device cannot
// make it lie. Only a display: the server decides what is accepted.
// Its texts come from the server (next-intl's messages, untranslated templates for the
// ticking one), so the public pages ship no translation library to the browser; the first
// text too (`initial`), so hydrating formats nothing.
import { useState, useSyncExternalStore } from "react";
import { countdownText, type TCountdownTexts } from "@/lib/consultations/countdown-text";

const TICK = 15_000;
const subscribe = (cb: () => void) => {
  const id = setInterval(cb, TICK);
  return () => clearInterval(id);
};

type TProps = { remainingMs: number; locale: string; texts: TCountdownTexts; initial: string };

export function Countdown({ remainingMs, locale, texts, initial }: TProps) {
  const [start] = useState(() => performance.now());
  const elapsed = useSyncExternalStore(
    subscribe,
    () => Math.floor((performance.now() - start) / TICK) * TICK,
    () => 0,
  );
  return <span>{elapsed === 0 ? initial : countdownText(remainingMs - elapsed, texts, locale)}</span>;
}
