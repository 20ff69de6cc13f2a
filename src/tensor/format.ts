import { contiguousStrides } from './shape.js';
import type { Tensor } from './tensor.js';

/** Past this many elements, only the first and last few of each dim print. */
const SUMMARIZE_OVER = 1000;
const EDGE_ITEMS = 3;

/**
 * Prints a tensor as PyTorch and NumPy do: nested brackets aligned in
 * columns, 4 decimals (scientific notation when magnitudes span too
 * much), `...` in place of the middle of large dims, then shape, dtype
 * and whether it requires grad.
 */
export function formatTensor(t: Tensor): string {
  const values = t.values();
  const shape = t.shape;
  const summarize = t.size > SUMMARIZE_OVER;
  const shown = shownIndices(shape, summarize);
  const format = chooseFormat(
    t.dtype === 'int32',
    shown.map((i) => values[i]!),
  );
  const cells = shown.map((i) => format(values[i]!));
  const width = Math.max(0, ...cells.map((c) => c.length));
  const strides = contiguousStrides(shape);
  const prefix = 'tensor(';

  const render = (depth: number, base: number): string => {
    if (depth === shape.length) return format(values[base]!).padStart(width);
    const n = shape[depth]!;
    const parts: string[] = [];
    const picks = dimIndices(n, summarize);
    for (const i of picks) {
      parts.push(i < 0 ? '...' : render(depth + 1, base + i * strides[depth]!));
    }
    const indent = ' '.repeat(prefix.length + depth + 1);
    const sep =
      depth === shape.length - 1
        ? ', '
        : ',' + '\n'.repeat(shape.length - depth - 1) + indent;
    return `[${parts.join(sep)}]`;
  };

  const extras = [`shape=[${shape.join(', ')}]`, `dtype=${t.dtype}`];
  if (t.requiresGrad) extras.push('requiresGrad=true');
  return `${prefix}${render(0, 0)}, ${extras.join(', ')})`;
}

/** Indices along a dim of size `n`; -1 marks the elided middle. */
function dimIndices(n: number, summarize: boolean): number[] {
  if (!summarize || n <= 2 * EDGE_ITEMS) return [...Array(n).keys()];
  const head = [...Array(EDGE_ITEMS).keys()];
  const tail = head.map((i) => n - EDGE_ITEMS + i);
  return [...head, -1, ...tail];
}

/** Flat positions of every element that will print. */
function shownIndices(shape: readonly number[], summarize: boolean): number[] {
  let flat = [0];
  let stride = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    const picks = dimIndices(shape[d]!, summarize).filter((i) => i >= 0);
    const next: number[] = [];
    for (const i of picks) for (const f of flat) next.push(i * stride + f);
    flat = next;
    stride *= shape[d]!;
  }
  return flat;
}

/** One number format for all printed values, so columns line up. */
function chooseFormat(isInt: boolean, shown: number[]): (v: number) => string {
  if (isInt) return (v) => String(v);
  const finite = shown.filter(Number.isFinite).map(Math.abs);
  const nonzero = finite.filter((v) => v > 0);
  const max = Math.max(0, ...finite);
  const min = nonzero.length > 0 ? Math.min(...nonzero) : 0;
  if (finite.every(Number.isInteger) && max < 1e8) {
    return (v) => (Number.isFinite(v) ? `${v}.` : nonFinite(v));
  }
  if (max >= 1e8 || (min > 0 && min < 1e-4) || (min > 0 && max / min > 1e3)) {
    return (v) => (Number.isFinite(v) ? v.toExponential(4) : nonFinite(v));
  }
  return (v) => (Number.isFinite(v) ? v.toFixed(4) : nonFinite(v));
}

function nonFinite(v: number): string {
  return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
}
