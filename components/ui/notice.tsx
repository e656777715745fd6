import type { ReactNode } from "react";

export function Notice({
  title,
  children,
  tone = "info",
}: {
  title?: string;
  children: ReactNode;
  tone?: "info" | "warning";
}) {
  return (
    <div className={`mb-6 border-l-8 p-4 ${tone === "warning" ? "border-error bg-panel" : "border-brand bg-panel"}`}>
      {title ? <h2 className="mb-1 text-lg font-bold">{title}</h2> : null}
      <div>{children}</div>
    </div>
  );
}
