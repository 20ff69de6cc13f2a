import { allocate, isDType, type DType } from '../../tensor/dtype.js';
import { DTypeError } from '../../errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { record } from '../tape.js';

/**
 * `x` converted to `dtype` (the same tensor when it already has it).
 * Float to int32 truncates toward zero, as PyTorch does. Differentiable
 * between float dtypes.
 */
export function cast(x: Tensor, dtype: DType): Tensor {
  if (!isDType(dtype)) {
    throw new DTypeError(
      `to: dtype must be 'float32', 'float64' or 'int32', got ` +
        `${JSON.stringify(dtype)}.`,
    );
  }
  if (x.dtype === dtype) return x;

  const src = x.values();
  const data = allocate(dtype, src.length);
  if (dtype === 'int32')
    for (let i = 0; i < src.length; i++) data[i] = Math.trunc(src[i]!);
  else data.set(src);
  const out = Tensor.fromData(data, x.shape);

  if (dtype === 'int32') return out;
  // The gradient is the upstream one, cast back to the input's dtype.
  return record('cast', out, [x], (dy) => [cast(dy, x.dtype)]);
}
