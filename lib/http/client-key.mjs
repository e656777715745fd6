// The key a client's address is counted under by every per-address limit (rate
// limits, sign-in throttling, in-flight requests): an IPv4 address as it is, an
// IPv6 address by its /64 prefix, since one subscriber usually holds a whole /64
// and could otherwise take a fresh address for every attempt. Plain JavaScript:
// scripts/server.mjs uses it too.

/**
 * @param {string | null | undefined} address
 * @returns {string}
 */
export function clientKey(address) {
  const a = String(address ?? "")
    .trim()
    .toLowerCase()
    .replace(/%.*$/, "")
    .replace(/\/64$/, "");
  if (!a) return "unknown";
  if (!a.includes(":")) return a;
  // IPv4 written as IPv6 (::ffff:192.0.2.1, how a dual-stack socket reports an IPv4 client).
  const mapped = /^(?:0{1,4}:){0,4}(?:0{1,4})?:?:ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) return mapped[1];
  const halves = a.split("::");
  if (halves.length > 2) return a;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  // A trailing dotted IPv4 part stands for two groups.
  const missing = 8 - head.length - tail.length - (a.includes(".") ? 1 : 0);
  if (halves.length === 1 ? missing !== 0 : missing < 1) return a;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  const prefix = groups.slice(0, 4);
  if (!prefix.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return a;
  return `${prefix.map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}
