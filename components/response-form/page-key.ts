// The form's idempotency key as the page was served. The cached form page (lib/http/page-cache.mjs) is rendered once
// with a placeholder, and each reader's key goes into its HTML alone (the hidden field): the React payload, the same
// for every reader, still says the placeholder. So, hydrating, the form takes the key from the field it hydrates,
// and the first render matches the HTML. A page rendered for one reader carries its real key everywhere.
import { FORM_KEY_PLACEHOLDER } from "@/lib/http/page-render.mjs";

const KEY = /^[A-Za-z0-9_-]{22}$/;

/** The key to post: `given` unless it is the placeholder; then the field's, or (no field: never expected) a new one. */
export function pageKey(
  given: string | undefined,
  doc: Pick<Document, "querySelector"> | undefined,
): string | undefined {
  if (given !== FORM_KEY_PLACEHOLDER) return given;
  // On the server, the placeholder itself: the HTML holds it for the cache to fill.
  if (!doc) return given;
  const served = doc.querySelector<HTMLInputElement>('input[name="idempotencyKey"]')?.value;
  if (served && served !== FORM_KEY_PLACEHOLDER && KEY.test(served)) return served;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}
