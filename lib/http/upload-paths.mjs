// The paths whose posts may carry a response's attachments (lib/attachments/), read by scripts/server.mjs (a larger
// body limit and deadline), proxy.ts (no 1 MB screen) and, as an nginx regex, scripts/nginx-pair.mjs: the response
// form, the private link's form (a changed response's new files), staff keying in a response, and the API's
// multipart variant.
export const RESPONSE_UPLOAD =
  /^\/(?:[a-z]{2}\/c\/[^/]+\/(?:respond|manage\/[^/]+)|[a-z]{2}\/moderate\/key-in|api\/consultations\/[^/]+\/responses)\/?$/;

/** The same paths for an nginx `location ~` (locales spelled out). */
export const RESPONSE_UPLOAD_NGINX =
  "^/((en|fr)/c/[^/]+/(respond|manage/[^/]+)|(en|fr)/moderate/key-in|api/consultations/[^/]+/responses)/?$";
