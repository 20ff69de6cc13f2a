import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';
import { sigmoidOf } from './sigmoid.js';

/**
 * Softplus, a smooth ReLU: `log(1 + e^(beta x)) / beta`, and `x` itself
 * where `beta x` exceeds `threshold` (defaults as PyTorch: beta 1,
 * threshold 20; positional, as PyTorch takes them). Element by element.
 * @throws DTypeError for an int32 input.
 */
export function softplus(x: TensorLike, beta = 1, threshold = 20): Tensor {
  const input = floatOperand('softplus', x);

  const out = map(input, (v) =>
    v * beta > threshold ? v : Math.log1p(Math.exp(v * beta)) / beta,
  );

  // dx = dy · σ(beta x), and dy above the threshold
  return record('softplus', out, [input], (dy) => [
    mapWith(
      dy,
      input,
      (g, v) => g * (v * beta > threshold ? 1 : sigmoidOf(v * beta)),
    ),
  ]);
}
