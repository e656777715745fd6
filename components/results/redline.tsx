import type { TDiffPart } from "@/lib/drafting/word-diff";

type TLabels = { insStart: string; insEnd: string; delStart: string; delEnd: string };

/**
 * A text with the words added and removed since an earlier version: <ins> underlined, <del> struck through
 * (not colour alone), each with a text equivalent for screen readers, which do not announce ins/del.
 */
export function Redline({ parts, labels }: { parts: TDiffPart[]; labels: TLabels }) {
  return (
    <div className="mb-4 max-w-prose whitespace-pre-wrap break-words">
      {parts.map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === "added" ? (
          <ins key={i} className="bg-[#dff0e4] underline decoration-2 underline-offset-2">
            <span className="sr-only">{labels.insStart}</span>
            {p.text}
            <span className="sr-only">{labels.insEnd}</span>
          </ins>
        ) : (
          <del key={i} className="bg-[#fbe3e1] line-through decoration-2">
            <span className="sr-only">{labels.delStart}</span>
            {p.text}
            <span className="sr-only">{labels.delEnd}</span>
          </del>
        ),
      )}
    </div>
  );
}
