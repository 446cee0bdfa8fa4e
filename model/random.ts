/**
 * A small seeded generator (mulberry32) kept as a plain number inside the world, so the
 * world stays a value: same seed, same Application IDs, keys and secrets.
 */
interface Drawn<T> {
  readonly value: T;
  readonly rng: number;
}

function nextUint32(state: number): Drawn<number> {
  const rng = (state + 0x6d2b79f5) | 0;
  let t = rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: (t ^ (t >>> 14)) >>> 0, rng };
}

/** `words` 32-bit draws as lowercase hex (8 digits each). */
export function drawHex(state: number, words: number): Drawn<string> {
  let rng = state;
  let out = '';
  for (let i = 0; i < words; i++) {
    const d = nextUint32(rng);
    rng = d.rng;
    out += d.value.toString(16).padStart(8, '0');
  }
  return { value: out, rng };
}

/** NetSuite's form of an Application ID: 32 hex digits, 8-4-4-4-12, uppercase (REC-02). */
export function formatApplicationId(hex32: string): string {
  const h = hex32.toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export const APPLICATION_ID_PATTERN = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** Accepts the grouped form in either case, or 32 bare hex digits; returns the canonical form. */
export function normaliseApplicationId(input: string): string | undefined {
  const bare = input.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(bare)) return undefined;
  if (input.includes('-') && !/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(input)) return undefined;
  return formatApplicationId(bare);
}
