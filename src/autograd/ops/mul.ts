import { zip } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { operands } from '../operands.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';

/**
 * `a * b`, element by element, broadcasting by NumPy's rules.
 * @throws ShapeError when the shapes do not broadcast.
 */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands('mul', a, b);

  const out = zip('mul', x, y, (p, q) => p * q, x.dtype);

  // da = dy · b, db = dy · a
  return record('mul', out, [x, y], (dy) => [
    x.requiresGrad ? sumTo(mul(dy, y), x.shape) : null,
    y.requiresGrad ? sumTo(mul(dy, x), y.shape) : null,
  ]);
}
