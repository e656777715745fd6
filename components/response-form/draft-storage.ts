// A response in progress, kept in this browser only (localStorage), so a
// reload or a lost connection does not cost anyone their text.
const SKIP = new Set(["slug", "locale", "idempotencyKey", "openClauses", "addClause"]);

export function draftKey(slug: string): string {
  return `clausewise:draft:${slug}`;
}

export function saveDraft(form: HTMLFormElement, key: string): void {
  const data: Record<string, string> = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value === "string" && !SKIP.has(name) && !name.startsWith("$") && value !== "") data[name] = value;
  }
  try {
    localStorage.setItem(key, JSON.stringify(data));
  } catch {
    // Storage full or disabled: the form still works, it just is not kept.
  }
}

/**
 * The clauses a kept draft has text in (from its field names, "c:<clause>:<aspect>:<field>"), space-separated, so
 * that the form puts their questions in the page before restoring the draft; "" when none.
 */
export function readDraftClauses(key: string): string {
  try {
    const data = JSON.parse(localStorage.getItem(key) ?? "{}") as Record<string, string>;
    return [...new Set(Object.keys(data).flatMap((n) => /^c:([^:]+):/.exec(n)?.[1] ?? []))].join(" ");
  } catch {
    return "";
  }
}

export function restoreDraft(form: HTMLFormElement, key: string): void {
  let data: Record<string, string>;
  try {
    data = JSON.parse(localStorage.getItem(key) ?? "{}");
  } catch {
    return;
  }
  for (const [name, value] of Object.entries(data)) {
    const els = form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      `[name="${CSS.escape(name)}"]`,
    );
    els.forEach((el) => {
      if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox"))
        el.checked = el.value === value;
      else el.value = value;
      el.closest("details")?.setAttribute("open", "");
    });
  }
}

export function clearDraft(slug: string): void {
  try {
    localStorage.removeItem(draftKey(slug));
  } catch {
    // nothing to clear
  }
}
