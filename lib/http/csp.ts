// The Content-Security-Policy of every page: scripts only from this site and
// with this response's nonce (Next.js puts it on its own scripts), nothing
// framed, forms posted only here. Styles allow inline attributes (charts).
// Cached public pages carry hashes instead of the nonce (lib/http/page-cache.mjs).
import { isForeignOrigin } from "./origin-check.mjs";
import { policyWith } from "./csp-policy.mjs";
import { siteOf } from "./same-origin";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageCsp(nonce: string, dev = false): string {
  return policyWith(`'self' 'nonce-${nonce}' 'strict-dynamic'`, dev);
}

/** A foreign or "null" Origin on a state-changing request (APP_URL's origin is this site's). No Origin at all: not a browser's cross-site request. */
export function foreignOrigin(headers: Headers): boolean {
  return isForeignOrigin(headers.get("origin"), siteOf(headers));
}
