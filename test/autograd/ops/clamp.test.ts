import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  Generator,
  clamp,
  randn,
  tensor,
  zeros,
  type Tensor,
} from '../../../src/index.js';
import {
  FLOAT64,
  assertClose,
  assertThrows,
} from '../../helpers/assert-close.js';
import { normal } from '../../helpers/inputs.js';
import { unaryOpSuite } from '../../helpers/unary-op-suite.js';

/**
 * Seeded normal float64 values moved at least 0.1 away from each of
 * `kinks` (which lie more than 0.2 apart), so central differences never
 * straddle a bound.
 */
function awayFrom(kinks: number[], shape: number[], seed: number): Tensor {
  const z = randn(shape, { dtype: 'float64', generator: new Generator(seed) });
  const moved = Array.from(z.values(), (v) => {
    for (const k of kinks) {
      if (Math.abs(v - k) < 0.1) return v < k ? k - 0.1 : k + 0.1;
    }
    return v;
  });
  return tensor(moved, { dtype: 'float64', shape });
}

const test = suite('clamp');

// int32 has its own tests below: whole and fractional bounds differ.
unaryOpSuite(test, {
  name: 'clamp',
  fn: clamp,
  args: [0, 1],
  gradcheckInput: (shape) => awayFrom([-0.5, 0.5], shape, 221),
  domain: 'off the bounds',
  gradcheckArgs: [
    { label: '[-0.5, 0.5]', args: [-0.5, 0.5] },
    { label: 'min -0.5', args: [-0.5] },
    { label: 'max 0.5', args: [null, 0.5] },
  ],
  methodInput: () => normal([2, 3], 222),
  methodArgs: [
    [-0.5, 0.5],
    [null, 0.5],
  ],
  params: 'min, max',
  rank0: { x: 5, want: 1 }, // 5 limited to [0, 1]
  plainNumber: { x: 2.5, want: 1 }, // 2.5 limited to [0, 1]
});

test('limits values to [min, max], to [min, ∞) and to (-∞, max]', () => {
  const x = tensor([-2, -0.5, 0.25, 3], { dtype: 'float64' });

  // By hand.
  const both = { shape: [4], values: [-1, -0.5, 0.25, 1] };
  const below = { shape: [4], values: [0, 0, 0.25, 3] };
  const above = { shape: [4], values: [-2, -0.5, 0, 0] };
  assertClose(clamp(x, -1, 1), both, FLOAT64);
  assertClose(clamp(x, 0), below, FLOAT64);
  assertClose(clamp(x, null, 0), above, FLOAT64);
  assertClose(clamp(x, undefined, 0), above, FLOAT64);
});

test('keeps NaN', () => {
  const out = clamp(tensor([NaN], { dtype: 'float64' }), -1, 1);

  // PyTorch propagates NaN through clamp.
  assertClose(out, { shape: [1], values: [NaN] }, FLOAT64);
});

test('passes the gradient inside [min, max], bounds included, else 0', () => {
  const x = tensor([-2, -1, 0, 1, 3], { dtype: 'float64', requiresGrad: true });

  x.clamp(-1, 1).sum().backward();

  // PyTorch's convention: gradient 1 at x = min and x = max.
  assertClose(x.grad!, { shape: [5], values: [0, 1, 1, 1, 0] }, FLOAT64);
});

test('clamps int32 with whole bounds in int32', () => {
  const out = clamp(tensor([-5, 0, 7], { dtype: 'int32' }), -1, 3);

  assert.is(out.dtype, 'int32');
  assert.equal(Array.from(out.values()), [-1, 0, 3]); // by hand
});

test('refuses an int32 clamp to a bound past int32, as PyTorch', () => {
  const x = tensor([1, 2], { dtype: 'int32' });
  // clamp(x, 3e9) once stored 3e9 as -1294967296.
  assertThrows(
    () => clamp(x, 3e9),
    RangeError,
    'clamp: int32 values must lie in [-2147483648, 2147483647], got ' +
      '3000000000 (min)',
    "x.to('float64')",
  );
  assertThrows(() => clamp(x, null, -3e9), RangeError, 'got -3000000000 (max)');
  const wide = clamp(x.to('float64'), 3e9);
  assert.equal(Array.from(wide.values()), [3e9, 3e9]);
});

test('clamps int32 in float32 for a fractional bound, keeping it', () => {
  const out = clamp(tensor([0, 1, 2], { dtype: 'int32' }), 0.5, 1.5);

  // By hand; PyTorch also promotes to float here.
  assert.is(out.dtype, 'float32');
  assertClose(out, { shape: [3], values: [0.5, 1, 1.5] }, FLOAT64);
});

test('rejects a call with neither bound, saying how to pass one', () => {
  const pattern = 'clamp: expected at least one of min and max, got neither';
  const hint = 'clamp(x, null, max)';
  assertThrows(() => clamp(zeros([2])), RangeError, pattern, hint);
  assertThrows(() => clamp(zeros([2]), null, null), RangeError, pattern);
});

test('rejects min 2 above max 1, naming both', () => {
  assertThrows(
    () => clamp(zeros([2]), 2, 1),
    RangeError,
    'clamp: expected min <= max, got min 2 and max 1',
  );
});

test.run();
