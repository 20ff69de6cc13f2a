// An independent copy of the benchmark's shuffle, written from the recipe
// in bench/BENCHMARK.md and deliberately not importing tapegrad, so that tests
// can check the library's orders against it.

/** mulberry32 as bench/BENCHMARK.md spells it: a stream of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Shuffles `items` in place: for i from N−1 down to 1,
 * j = floor(r() · (i + 1)), swap i and j. Returns `items`.
 */
export function fisherYates<T>(items: T[], r: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** 0..n-1 in the order Fisher–Yates over mulberry32(seed) gives. */
export function shuffledRange(n: number, seed: number): number[] {
  return fisherYates(
    Array.from({ length: n }, (_, i) => i),
    mulberry32(seed),
  );
}
