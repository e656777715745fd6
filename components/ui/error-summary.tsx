"use client";
// GOV.UK's error summary: at the top, focused when it appears, each error a
// link to its field.
import { useEffect, useRef } from "react";

/** `focusKey` changes with each answer from the server: the summary takes focus then, not on every render. */
export function ErrorSummary({
  title,
  errors,
  focusKey,
}: {
  title: string;
  errors: { href: string; text: string }[];
  focusKey: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  if (!errors.length) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-error p-4"
    >
      <h2 id="error-summary-title" className="mb-2 text-xl font-bold">
        {title}
      </h2>
      <ul className="space-y-1">
        {errors.map((e) => (
          <li key={e.href + e.text}>
            <a href={e.href} className="font-bold text-error">
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
