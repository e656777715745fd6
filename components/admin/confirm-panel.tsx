"use client";
// A confirmation before what cannot be undone: a heading that takes focus when it appears (the
// consequence is read first), the consequence, then the admin's two choices.
import { useEffect, useRef, type ReactNode } from "react";

export function ConfirmPanel({
  title,
  children,
  headingLevel = 1,
}: {
  title: string;
  children: ReactNode;
  headingLevel?: 1 | 2;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const H = headingLevel === 1 ? "h1" : "h2";
  return (
    <section
      aria-labelledby="confirm-title"
      data-testid="confirmation"
      className="mb-8 max-w-prose border-l-8 border-error bg-panel p-4"
    >
      <H
        ref={ref}
        id="confirm-title"
        tabIndex={-1}
        className={`mb-4 font-bold break-words ${headingLevel === 1 ? "text-3xl" : "text-2xl"}`}
      >
        {title}
      </H>
      {children}
    </section>
  );
}
