// Clause text is plain text with blank lines between paragraphs; React escapes it.
export function ClauseBody({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="mb-3 max-w-prose">
          {p}
        </p>
      ))}
    </div>
  );
}
