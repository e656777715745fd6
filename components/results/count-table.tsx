/** A small table of counts: a label per row, one or more numbers, an optional total row. */
export function CountTable({
  caption,
  head,
  rows,
  total,
  className,
}: {
  caption: string;
  head: string[];
  rows: { key: string; label: string; cells: (string | number)[] }[];
  total?: { label: string; cells: (string | number)[] };
  className?: string;
}) {
  return (
    <table className={`mb-6 w-full border-collapse text-left ${className ?? ""}`}>
      <caption className="mb-1 text-left font-bold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          {head.map((h, i) => (
            <th key={h} scope="col" className={`py-1 pr-3 ${i ? "text-right" : ""}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-line">
            <th scope="row" className="py-1 pr-3 font-normal">
              {r.label}
            </th>
            {r.cells.map((c, i) => (
              <td key={i} className="py-1 pr-3 text-right tabular-nums">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr className="border-t-2 border-ink font-bold">
            <th scope="row" className="py-1 pr-3">
              {total.label}
            </th>
            {total.cells.map((c, i) => (
              <td key={i} className="py-1 pr-3 text-right tabular-nums">
                {c}
              </td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
