import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';
import { sigmoidOf } from './sigmoid.js';

/**
 * SiLU (swish): `x · σ(x)`.
 * Element by element; the output has the input's shape.
 * @throws DTypeError for an int32 input (convert with `.to('float32')`).
 */
export function silu(x: TensorLike): Tensor {
  const input = floatOperand('silu', x);

  const out = map(input, (v) => v * sigmoidOf(v));

  // dx = dy · σ(x) (1 + x (1 - σ(x)))
  return record('silu', out, [input], (dy) => [
    mapWith(dy, input, (g, v) => g * dSilu(v)),
  ]);
}

function dSilu(v: number): number {
  const s = sigmoidOf(v);
  return s * (1 + v * (1 - s));
}
