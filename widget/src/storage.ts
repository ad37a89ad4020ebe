/** localStorage when the page allows it (not in some sandboxed frames or private modes), else memory. */
const memory = new Map<string, string>();

export function load<T>(key: string, fallback: T): T {
  try {
    const v = localStorage.getItem(key) ?? memory.get(key);
    return v == null ? fallback : (JSON.parse(v) as T);
  } catch {
    return fallback;
  }
}

export function save(key: string, value: unknown): void {
  const v = JSON.stringify(value);
  memory.set(key, v);
  try {
    if (value == null) localStorage.removeItem(key);
    else localStorage.setItem(key, v);
  } catch {
    // memory keeps it for this page
  }
}

/** A random UUID; crypto.randomUUID exists only in secure contexts, an http:// host page has getRandomValues. */
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
  );
