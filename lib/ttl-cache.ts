// A small in-process cache for values many requests read and few change
// (the draft, counts): a flash crowd then costs one query per key per `ttlMs`.
// Concurrent misses share one load.
// With `stale: true`, an expired value is still answered at once while a new
// one loads in the background (for slow aggregates nobody should wait for).
export function ttlCache<K, V>(ttlMs: number, load: (key: K) => Promise<V>, opts: { stale?: boolean } = {}) {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  const settled = new Map<K, V>();
  const refreshing = new Set<K>();
  return {
    get(key: K, now = Date.now()): Promise<V> {
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      if (opts.stale && settled.has(key)) {
        if (!refreshing.has(key)) {
          refreshing.add(key);
          const next = load(key);
          next
            .then((v) => {
              settled.set(key, v);
              entries.set(key, { at: now, value: next });
            })
            .catch(() => {})
            .finally(() => refreshing.delete(key));
        }
        return Promise.resolve(settled.get(key) as V);
      }
      const value = load(key);
      entries.set(key, { at: now, value });
      if (opts.stale) value.then((v) => settled.set(key, v)).catch(() => {});
      // A failed load is forgotten, unless a newer load has replaced it meanwhile.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      if (entries.size > 1000) entries.delete(entries.keys().next().value as K);
      return value;
    },
    clear(): void {
      entries.clear();
      settled.clear();
    },
  };
}
