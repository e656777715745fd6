"use client";
// The receipt's Print button. Rendered only once the page's script runs: without JavaScript a button
// that cannot print is not shown (the browser's own Print still prints the page, through the print styles).
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function PrintButton({ text }: { text: string }) {
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!scripted) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="mb-8 border-2 border-ink bg-panel px-4 py-2 font-bold print:hidden"
    >
      {text}
    </button>
  );
}
