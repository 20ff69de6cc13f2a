import { zip } from '../../tensor/kernels/elementwise.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { operands } from '../operands.js';
import { record } from '../tape.js';
import { sumTo } from '../unbroadcast.js';
import { neg } from './neg.js';

/**
 * `a - b`, element by element, broadcasting by NumPy's rules.
 * @throws ShapeError when the shapes do not broadcast.
 */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands('sub', a, b);

  const out = zip('sub', x, y, (p, q) => p - q, x.dtype);

  // da = dy, db = -dy
  return record('sub', out, [x, y], (dy) => [
    x.requiresGrad ? sumTo(dy, x.shape) : null,
    y.requiresGrad ? sumTo(neg(dy), y.shape) : null,
  ]);
}
