import { zip } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { floatOperands } from '../operands.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';
import { mul } from './mul.js';

/**
 * `a` to the power `b`, element by element, broadcasting by NumPy's rules.
 * A negative base with a non-whole exponent gives NaN, as in PyTorch.
 * @throws ShapeError when the shapes do not broadcast.
 * @throws DTypeError for int32 operands.
 */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = floatOperands('pow', a, b);

  const out = zip('pow', x, y, Math.pow, x.dtype);

  return record('pow', out, [x, y], (dy) => [
    // da = dy · b · a^(b-1), and 0 where b = 0 (a constant).
    x.requiresGrad
      ? sumTo(mul(dy, zip('pow', x, y, dBase, x.dtype)), x.shape)
      : null,
    // db = dy · a^b · ln a, with a^b the forward's output, taken as 0
    // where a = 0 and b ≥ 0 (the limit PyTorch uses) instead of 0 · -inf.
    y.requiresGrad
      ? sumTo(mul(dy, zip('pow', out, x, dExponent, x.dtype)), y.shape)
      : null,
  ]);
}

function dBase(a: number, b: number): number {
  return b === 0 ? 0 : b * Math.pow(a, b - 1);
}

/**
 * `a^b · ln a` from the output `power` = a^b. At a = 0, a^b is finite
 * (0 or 1) exactly when b ≥ 0, the case PyTorch sets to 0; for b < 0 it
 * is infinite and the product stays -inf, and for b NaN it is NaN.
 */
function dExponent(power: number, a: number): number {
  return a === 0 && Number.isFinite(power) ? 0 : power * Math.log(a);
}
