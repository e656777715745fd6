"use client";
// An export link that, with JavaScript, downloads through fetch so the page
// can show how far it has got (rows received of the rows announced by the
// server). Without JavaScript it is a plain link and the browser downloads it.
import { useState, type MouseEvent } from "react";
import { useTranslations } from "next-intl";

export function DownloadLink({ href, children }: { href: string; children: string }) {
  const t = useTranslations("moderate");
  const [progress, setProgress] = useState<{ rows: number; total: number | null; done: boolean } | null>(null);

  async function onClick(e: MouseEvent<HTMLAnchorElement>) {
    if (!window.ReadableStream || e.metaKey || e.ctrlKey || e.shiftKey) return; // let the browser do it
    e.preventDefault();
    const res = await fetch(href);
    if (!res.ok || !res.body) {
      window.location.href = href;
      return;
    }
    const total = res.headers.get("x-row-count") ? Number(res.headers.get("x-row-count")) : null;
    const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "export";
    const reader = res.body.getReader();
    const parts: Uint8Array[] = [];
    let rows = -1; // the header line
    setProgress({ rows: 0, total, done: false });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      for (let i = 0; i < value.length; i++) if (value[i] === 10) rows++;
      setProgress({ rows: Math.max(0, rows), total, done: false });
    }
    const url = URL.createObjectURL(
      new Blob(parts as BlobPart[], { type: res.headers.get("content-type") ?? "text/csv" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setProgress({ rows: total ?? Math.max(0, rows), total, done: true });
  }

  const pct = progress?.total ? Math.min(100, Math.round((progress.rows / progress.total) * 100)) : null;
  return (
    <span className="inline-flex flex-col">
      <a href={href} download onClick={onClick}>
        {children}
      </a>
      {progress ? (
        <span role="status" className="text-muted">
          {progress.total !== null ? (
            <progress max={100} value={pct ?? 0} className="mr-2 align-middle" aria-hidden="true" />
          ) : null}
          {progress.done
            ? t("downloadDone", { rows: progress.rows })
            : t("downloading", { rows: progress.rows, total: progress.total ?? 0, pct: pct ?? 0 })}
        </span>
      ) : null}
    </span>
  );
}
