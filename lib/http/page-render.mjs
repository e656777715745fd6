// What a public page needs to know when it is rendered for the page cache (lib/http/page-cache.mjs)
// rather than for one visitor. Plain JavaScript, free of Node.js modules: pages import it too.

/** The header scripts/server.mjs sends with its own renders (any other request has it removed). */
export const PAGE_RENDER_HEADER = "x-clausewise-page-render";
/** What the form page renders where its idempotency key goes (22 characters of the key alphabet, like a real one); the cache puts a fresh key there for every visitor. */
export const FORM_KEY_PLACEHOLDER = "cwFormKeyPlaceholder00";
