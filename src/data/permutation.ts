import type { Generator } from '../tensor/random.js';

/**
 * The numbers 0..n-1 in a random order, by Fisher–Yates: for i from n-1
 * down to 1, j = floor(r · (i + 1)) with r from `generator`, swap i and j.
 * This exact recipe is the one the benchmark fixes (BENCHMARK.md), so the
 * same seed orders the data the same way in every framework.
 */
export function permutation(n: number, generator: Generator): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;

  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(generator.next() * (i + 1));
    const held = order[i]!;
    order[i] = order[j]!;
    order[j] = held;
  }

  return order;
}
