import {
  allocate,
  checkInt32,
  isDType,
  isInt32,
  type DType,
} from '../../tensor/dtype.js';
import { DTypeError } from '../../errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { record } from '../tape.js';

/**
 * `x` converted to `dtype` (the same tensor when it already has it).
 * Float to int32 truncates toward zero, as PyTorch does. Differentiable
 * between float dtypes.
 * @throws DTypeError for an unknown dtype.
 * @throws RangeError converting to int32 a value whose truncation int32
 * cannot hold (NaN, infinities, beyond ±2^31), naming the value and its
 * flat index; PyTorch leaves such values undefined.
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
  if (dtype === 'int32') {
    for (let i = 0; i < src.length; i++) {
      const v = Math.trunc(src[i]!);
      if (!isInt32(v)) checkInt32('to', v, ` at flat index ${i}`, CAST_FIX);
      data[i] = v;
    }
  } else {
    data.set(src);
  }
  const out = Tensor.fromData(data, x.shape);

  if (dtype === 'int32') return out;
  // The gradient is the upstream one, cast back to the input's dtype.
  return record('cast', out, [x], (dy) => [cast(dy, x.dtype)]);
}

const CAST_FIX =
  'Clamp the values into that range first, or keep a float dtype.';
