import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  Generator,
  gradcheck,
  randn,
  tensor,
  unsqueeze,
  zeros,
  type Tensor,
} from '../../../src/index.js';
import { assertThrows } from '../../helpers/assert-close.js';

/**
 * Runs gradcheck and fails with its account of the first bad entry. The
 * output is copied by `mul(1)` first: gradcheck keeps the `values()` of
 * each evaluation, and for a contiguous view those are the input's own
 * storage, which its next nudge of the input rewrites (numeric gradient
 * 0). Remove the copy once gradcheck copies what it keeps.
 */
function assertGradcheck(fn: (...xs: Tensor[]) => Tensor, inputs: Tensor[]): void {
  const report = gradcheck((...xs) => fn(...xs).mul(1), inputs);
  assert.ok(report.ok, report.message);
}

/** Seeded standard normal float64 values of `shape`. */
function normal(shape: number[], seed: number): Tensor {
  return randn(shape, { generator: new Generator(seed), dtype: 'float64' });
}

const u = suite('unsqueeze');

u('gradcheck: [2, 3] at dims 0, 1, 2 and -1; [1, 3] at 1', () => {
  for (const dim of [0, 1, 2, -1]) {
    assertGradcheck((x) => unsqueeze(x, dim), [normal([2, 3], 1)]);
  }
  assertGradcheck((x) => unsqueeze(x, 1), [normal([1, 3], 2)]);
});

u('inserts a size-1 dim: [2, 3] becomes [1, 2, 3], [2, 1, 3], [2, 3, 1]', () => {
  const x = zeros([2, 3]);
  assert.equal(unsqueeze(x, 0).shape, [1, 2, 3]);
  assert.equal(unsqueeze(x, 1).shape, [2, 1, 3]);
  assert.equal(unsqueeze(x, 2).shape, [2, 3, 1]);
  assert.equal(unsqueeze(x, -1).shape, [2, 3, 1]);
  assert.equal(unsqueeze(x, -3).shape, [1, 2, 3]);
});

u('keeps the values: [[1, 2], [3, 4]] at dim 1 is [[[1, 2]], [[3, 4]]]', () => {
  const x = tensor([[1, 2], [3, 4]], { dtype: 'float64' });
  assert.equal(unsqueeze(x, 1).toArray(), [[[1, 2]], [[3, 4]]]);
});

u('shares storage with a contiguous input', () => {
  const x = normal([2, 3], 3);
  assert.is(unsqueeze(x, 1).nd.data, x.nd.data);
});

u('turns rank 0 into [1] at dim 0 or -1, and size-0 [0] into [0, 1]', () => {
  assert.equal(unsqueeze(tensor(5), 0).toArray(), [5]);
  assert.equal(unsqueeze(tensor(5), -1).shape, [1]);
  assert.equal(unsqueeze(zeros([0]), 1).shape, [0, 1]);
  assertGradcheck((x) => unsqueeze(x, 0), [tensor(0.5, { dtype: 'float64' })]);
});

u('rejects dim 3 for rank 2, naming the range [-3, 2]', () => {
  assertThrows(
    () => unsqueeze(zeros([2, 3]), 3),
    RangeError,
    'unsqueeze:',
    '[-3, 2]',
    'got 3',
  );
  assertThrows(() => unsqueeze(zeros([2, 3]), -4), RangeError, '[-3, 2]', 'got -4');
});

u.run();
