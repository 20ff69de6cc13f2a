import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';

/**
 * The logistic function `1 / (1 + e^-x)`, computed without overflow for large |x|.
 * Element by element; the output has the input's shape.
 * @throws DTypeError for an int32 input (convert with `.to('float32')`).
 */
export function sigmoid(x: TensorLike): Tensor {
  const input = floatOperand('sigmoid', x);

  const out = map(input, sigmoidOf);

  // dx = dy · σ(x)(1 - σ(x)) = dy · out (1 - out)
  return record('sigmoid', out, [input], (dy) => [
    mapWith(dy, out, (g, s) => g * (s * (1 - s))),
  ]);
}

/** σ(v) by a form that never overflows: e^v / (1 + e^v) for v < 0. */
export function sigmoidOf(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}
