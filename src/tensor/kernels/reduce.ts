import ndarray from 'ndarray';
import { allocate, type DType, type TypedArray } from '../dtype.js';
import { Tensor } from '../tensor.js';

export type Reduction = 'sum' | 'max' | 'min' | 'argmax' | 'argmin';

/**
 * The values of `x` with the dims in `dims` moved last, row-major, so each
 * output element reduces one contiguous run. Returns the runs and the
 * shape of what is left.
 */
export function gatherRuns(
  x: Tensor,
  dims: readonly number[],
): { data: TypedArray; kept: number[]; run: number } {
  const keptDims: number[] = [];
  for (let d = 0; d < x.ndim; d++) if (!dims.includes(d)) keptDims.push(d);
  const order = [...keptDims, ...dims];
  const kept = keptDims.map((d) => x.shape[d]!);
  let run = 1;
  for (const d of dims) run *= x.shape[d]!;
  const moved = new Tensor(
    ndarray(
      x.nd.data,
      order.map((d) => x.shape[d]!),
      order.map((d) => x.nd.stride[d]!),
      x.nd.offset,
    ),
  );
  return { data: moved.values(), kept, run };
}

/**
 * Reduces `x` over `dims` (normalised, distinct). Sums accumulate in
 * float64 whatever the dtype. argmax and argmin give int32 positions
 * within the reduced run (row-major over `dims`), first one on ties; the
 * max and min of a run holding NaN are NaN. Returns the kept shape; the
 * caller reinserts size-1 dims for keepdim.
 */
export function reduce(
  x: Tensor,
  dims: readonly number[],
  kind: Reduction,
): Tensor {
  const { data, kept, run } = gatherRuns(x, dims);
  const count = run === 0 ? 0 : data.length / run;
  const outSize = kept.reduce((a, b) => a * b, 1);
  const dtype: DType =
    kind === 'argmax' || kind === 'argmin' ? 'int32' : x.dtype;
  const out = allocate(dtype, outSize);
  if (kind === 'sum') {
    for (let o = 0; o < count; o++) {
      let acc = 0;
      const start = o * run;
      for (let i = start; i < start + run; i++) acc += data[i]!;
      out[o] = acc;
    }
  } else {
    const wantMax = kind === 'max' || kind === 'argmax';
    const wantIndex = kind === 'argmax' || kind === 'argmin';
    for (let o = 0; o < count; o++) {
      const start = o * run;
      let best = data[start]!;
      let bestAt = 0;
      for (let i = 1; i < run; i++) {
        const v = data[start + i]!;
        if (Number.isNaN(best)) break;
        if (Number.isNaN(v) || (wantMax ? v > best : v < best)) {
          best = v;
          bestAt = i;
        }
      }
      out[o] = wantIndex ? bestAt : best;
    }
  }
  return Tensor.fromData(out, kept);
}
