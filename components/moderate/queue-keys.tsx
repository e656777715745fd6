"use client";
// Keyboard shortcuts for the queue, for moderators who work it all day:
// j / k next and previous item, x select it, / search. Ignored while typing.
import { useEffect } from "react";

export function QueueKeys({ help }: { help: string }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || target?.closest("input, textarea, select, [contenteditable]")) return;
      const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-queue-item]")];
      const current = links.findIndex(
        (a) => a === document.activeElement || a.closest("tr")?.contains(document.activeElement),
      );
      if (e.key === "j" || e.key === "k") {
        const next = e.key === "j" ? Math.min(links.length - 1, current + 1) : Math.max(0, current - 1);
        links[current < 0 ? 0 : next]?.focus();
        e.preventDefault();
      } else if (e.key === "x" && current >= 0) {
        const box = links[current].closest("tr")?.querySelector<HTMLInputElement>('input[type="checkbox"]');
        if (box) box.checked = !box.checked;
        e.preventDefault();
      } else if (e.key === "/") {
        const search = document.querySelector<HTMLInputElement>("#filter-q");
        // The search sits in the filters' panel, closed by default: open it first.
        const panel = search?.closest("details");
        if (panel) panel.open = true;
        search?.focus();
        e.preventDefault();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return <p className="mb-2 text-muted">{help}</p>;
}
