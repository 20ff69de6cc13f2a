import { map } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { record } from '../tape.js';
import { mul } from './mul.js';
import { floatOperand } from './operands.js';
import { sigmoidOf } from './sigmoid.js';

export interface SoftplusOptions {
  /** Sharpness: softplus is `log(1 + e^(beta x)) / beta`. Default 1. */
  beta?: number;
  /** Above `beta · x > threshold` the result is `x` itself. Default 20. */
  threshold?: number;
}

/**
 * Softplus, a smooth ReLU: `log(1 + e^(beta x)) / beta`, and `x` where
 * `beta x` exceeds `threshold` (defaults as PyTorch: beta 1, threshold 20).
 * Element by element.
 * @throws DTypeError for an int32 input.
 */
export function softplus(x: TensorLike, options: SoftplusOptions = {}): Tensor {
  const input = floatOperand('softplus', x);
  const beta = options.beta ?? 1;
  const threshold = options.threshold ?? 20;

  const out = map(input, (v) =>
    v * beta > threshold ? v : Math.log1p(Math.exp(v * beta)) / beta,
  );

  // dx = dy · σ(beta x), and dy above the threshold
  return record('softplus', out, [input], (dy) => [
    mul(
      dy,
      map(input, (v) => (v * beta > threshold ? 1 : sigmoidOf(v * beta))),
    ),
  ]);
}
