import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Generator } from '../../src/index.js';
import { permutation } from '../../src/data/permutation.js';
import { shuffledRange } from '../helpers/fisher-yates.js';

const perm = suite('permutation');

perm('matches Fisher–Yates over mulberry32(42) for n = 1000', () => {
  // The independent re-implementation of BENCHMARK.md's recipe.
  const expected = shuffledRange(1000, 42);

  assert.equal(Array.from(permutation(1000, new Generator(42))), expected);
});

perm('holds each of 0..n-1 once', () => {
  const order = Array.from(permutation(257, new Generator(5)));

  assert.equal(
    order.sort((a, b) => a - b),
    Array.from({ length: 257 }, (_, i) => i),
  );
});

perm('n = 0 and n = 1 draw nothing from the generator', () => {
  const g = new Generator(9);

  assert.equal(Array.from(permutation(0, g)), []);
  assert.equal(Array.from(permutation(1, g)), [0]);
  // Still the first number of the stream of seed 9.
  assert.is(g.next(), new Generator(9).next());
});

perm.run();
