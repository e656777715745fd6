// A small in-process cache for values many requests read and few change
// (the draft, counts): a flash crowd then costs one query per key per `ttlMs`.
// Concurrent misses share one load.
export function ttlCache<K, V>(ttlMs: number, load: (key: K) => Promise<V>) {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  return {
    get(key: K, now = Date.now()): Promise<V> {
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      const value = load(key);
      entries.set(key, { at: now, value });
      // A failed load is forgotten, unless a newer load has replaced it meanwhile.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      if (entries.size > 1000) entries.delete(entries.keys().next().value as K);
      return value;
    },
    clear(): void {
      entries.clear();
    },
  };
}
