"use client";
// A "Copy link" button beside a one-time link. Shown only where the script runs and the clipboard is
// available; without them the link stays plain, selectable text beside it.
import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function CopyLink({ text, label, done, failed }: { text: string; label: string; done: string; failed: string }) {
  const canCopy = useSyncExternalStore(
    subscribe,
    () => typeof navigator !== "undefined" && !!navigator.clipboard,
    () => false,
  );
  const [result, setResult] = useState("");
  if (!canCopy) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setResult(done);
    } catch {
      setResult(failed);
    }
  };
  return (
    <p className="mt-2 flex flex-wrap items-center gap-4">
      <button type="button" onClick={copy} className="border-2 border-brand bg-white px-4 py-2 font-bold text-brand">
        {label}
      </button>
      <span role="status" className="font-bold">
        {result}
      </span>
    </p>
  );
}
