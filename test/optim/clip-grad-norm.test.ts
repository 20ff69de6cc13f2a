import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  NotSupportedError,
  optim,
  tensor,
  zeros,
  type Tensor,
} from '../../src/index.js';
import {
  FLOAT32,
  FLOAT64,
  assertClose,
  assertThrows,
} from '../helpers/assert-close.js';

const { clipGradNorm } = optim;

// Gradients [3, 4] and [[12]]: the joint 2-norm is √(9 + 16 + 144) = 13.

/** A float64 leaf with the given grad (or none). */
function withGrad(grad: number[] | null): Tensor {
  const p = zeros([grad?.length ?? 1], {
    dtype: 'float64',
    requiresGrad: true,
  });
  p.grad = grad === null ? null : tensor(grad, { dtype: 'float64' });
  return p;
}

/** The two parameters with gradients [3, 4] and [12]. */
function pair(): [Tensor, Tensor] {
  return [withGrad([3, 4]), withGrad([12])];
}

const clip = suite('clipGradNorm');

clip('returns the joint 2-norm before clipping: 13', () => {
  const params = pair();
  // √(3² + 4² + 12²) = √169 = 13, by hand.
  assert.is(clipGradNorm(params, 100), 13);
});

clip(
  'scales every gradient by maxNorm / (norm + 1e-6) when above maxNorm',
  () => {
    const [a, b] = pair();
    const norm = clipGradNorm([a, b], 6.5);
    assert.is(norm, 13);
    // PyTorch's coefficient 6.5 / (13 + 1e-6) ≈ 1/2: [1.5, 2] and [6].
    const scale = 6.5 / (13 + 1e-6);
    assertClose(
      a.grad!,
      { shape: [2], values: [3 * scale, 4 * scale] },
      FLOAT64,
    );
    assertClose(b.grad!, { shape: [1], values: [12 * scale] }, FLOAT64);
  },
);

clip(
  'after clipping the joint norm is maxNorm (to within 1e-6 relative)',
  () => {
    const params = pair();
    clipGradNorm(params, 2);
    const again = clipGradNorm(params, 100);
    // 2 · 13 / (13 + 1e-6): below 2 by about 1.5e-7.
    assert.ok(Math.abs(again - 2) < 2e-6, `${again}`);
  },
);

clip('leaves gradients untouched when the norm is below maxNorm', () => {
  const [a, b] = pair();
  clipGradNorm([a, b], 14);
  // The gradients set above, exactly.
  assert.equal(a.grad!.toArray(), [3, 4]);
  assert.equal(b.grad!.toArray(), [12]);
});

clip('skips parameters without a gradient', () => {
  const [a, b] = pair();
  const none = withGrad(null);
  // The same 13 as without the gradient-less parameter.
  assert.is(clipGradNorm([a, none, b], 6.5), 13);
  assert.is(none.grad, null);
  // Scaled as in the test above, by 6.5 / (13 + 1e-6).
  const scale = 6.5 / (13 + 1e-6);
  assertClose(a.grad!, { shape: [2], values: [3 * scale, 4 * scale] }, FLOAT64);
});

clip('all-zero gradients give norm 0 and stay finite', () => {
  const p = withGrad([0, 0]);
  assert.is(clipGradNorm([p], 1), 0);
  assert.equal(p.grad!.toArray(), [0, 0]);
});

clip('no parameters give norm 0', () => {
  assert.is(clipGradNorm([], 1), 0);
});

clip('accepts any iterable, such as model.parameters() or a Set', () => {
  assert.is(clipGradNorm(new Set(pair()), 100), 13);
});

clip('scales a float32 gradient in place, keeping float32', () => {
  const p = zeros([2], { requiresGrad: true });
  p.grad = tensor([3, 4]);
  // √(9 + 16) = 5.
  assert.is(clipGradNorm([p], 1), 5);
  assert.is(p.grad.dtype, 'float32');
  // [3, 4] · 1 / (5 + 1e-6) ≈ [0.6, 0.8], to float32 precision.
  assertClose(p.grad, { shape: [2], values: [0.6, 0.8] }, FLOAT32);
});

clip('rejects a non-contiguous gradient before scaling any gradient', () => {
  const [a] = pair();
  const b = zeros([3, 2], { dtype: 'float64', requiresGrad: true });
  b.grad = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64' },
  ).T;
  assertThrows(
    () => clipGradNorm([a, b], 1),
    NotSupportedError,
    'clipGradNorm: gradient 1 must be contiguous, got a non-contiguous ' +
      '[3, 2] view, which cannot be scaled in place.',
    'Assign p.grad = p.grad.clone() first.',
  );
  // a came first and must not have been scaled before the error.
  assert.equal(a.grad!.toArray(), [3, 4]);
});

clip('rejects a negative or NaN maxNorm', () => {
  for (const maxNorm of [-1, NaN]) {
    assertThrows(
      () => clipGradNorm(pair(), maxNorm),
      RangeError,
      `clipGradNorm: maxNorm must be >= 0, got ${maxNorm}.`,
    );
  }
});

clip.run();
