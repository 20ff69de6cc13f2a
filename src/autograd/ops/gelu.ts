import { map, mapWith } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { erfc } from '../../tensor/kernels/erf.js';
import { floatOperand } from '../operands.js';
import { record } from '../tape.js';

/**
 * GELU in its exact form, `x · Φ(x)` with Φ the standard normal CDF,
 * `Φ(x) = erfc(-x / √2) / 2`. Written with erfc rather than `1 + erf` so
 * that the result keeps full relative precision for very negative x.
 * @throws DTypeError for an int32 input.
 */
export function gelu(x: TensorLike): Tensor {
  const input = floatOperand('gelu', x);

  const out = map(input, (v) => v * normalCdf(v));

  // dx = dy · (Φ(x) + x φ(x)), φ the standard normal density
  return record('gelu', out, [input], (dy) => [
    mapWith(dy, input, (g, v) => g * (normalCdf(v) + v * normalPdf(v))),
  ]);
}

function normalCdf(v: number): number {
  return 0.5 * erfc(-v * Math.SQRT1_2);
}

function normalPdf(v: number): number {
  return Math.exp(-0.5 * v * v) / Math.sqrt(2 * Math.PI);
}
