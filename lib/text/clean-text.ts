// Free text as PostgreSQL can keep it: lone surrogates replaced (a jsonb
// "\ud800" escape is refused), control characters but tab and newlines
// dropped (NUL above all), trimmed.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanText(s: string): string {
  return s.toWellFormed().replace(CONTROL, "").trim();
}
