import { DTypeError, ShapeError, formatShape } from '../errors.js';
import {
  DEFAULT_DTYPE,
  allocate,
  dtypeOf,
  isDType,
  type DType,
  type TypedArray,
} from './dtype.js';
import { flattenNested } from './nested.js';
import { sizeOf } from './shape.js';
import { defaultGenerator, type Generator } from './random.js';
import { Tensor, type NestedArray } from './tensor.js';

const NESTED = { ragged: 'ragged nested array', arrays: 'nested arrays' };

export interface CreateOptions {
  /** Element type; float32 unless said otherwise. */
  dtype?: DType;
  /** Track this leaf on the tape (floating dtypes only). Default false. */
  requiresGrad?: boolean;
}

export interface TensorOptions extends CreateOptions {
  /** The shape to view flat data as; its size must match. */
  shape?: number[];
}

export interface RandomOptions extends CreateOptions {
  /** Where the numbers come from; the default generator if omitted. */
  generator?: Generator;
}

/**
 * A new tensor holding a copy of `value`: a number (rank 0), nested arrays
 * (shape read from the nesting) or a typed array (rank 1, or `shape`).
 * The dtype is `options.dtype`, else the typed array's, else float32.
 * @throws ShapeError for ragged nesting or a `shape` of another size.
 * @throws DTypeError for non-whole values in an int32 tensor, or values
 * outside the int32 range (which would wrap).
 * @example
 * const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * x.shape; // [2, 2]
 */
export function tensor(
  value: NestedArray | TypedArray | readonly number[],
  options: TensorOptions = {},
): Tensor {
  let flat: ArrayLike<number>;
  let shape: number[];
  let dtype = options.dtype ?? DEFAULT_DTYPE;
  if (typeof value === 'number') {
    flat = [value];
    shape = [];
  } else if (ArrayBuffer.isView(value)) {
    flat = value;
    shape = [value.length];
    dtype = options.dtype ?? dtypeOf(value);
  } else {
    ({ flat, shape } = flattenNested('tensor', NESTED, value as NestedArray[]));
  }
  if (options.shape !== undefined) {
    checkShape('tensor', options.shape);
    if (sizeOf(options.shape) !== flat.length) {
      throw new ShapeError(
        `tensor: shape ${formatShape(options.shape)} holds ` +
          `${sizeOf(options.shape)} elements, but ${flat.length} values ` +
          `were given. Pass a shape whose sizes multiply to ${flat.length}.`,
      );
    }
    shape = options.shape;
  }
  checkDType('tensor', dtype);
  const data = allocate(dtype, flat.length);
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i]!;
    if (dtype === 'int32') checkInt32('tensor', v, ` at flat index ${i}`);
    data[i] = v;
  }
  return leaf(data, shape, options);
}

/** A tensor of `shape` filled with zeros. */
export function zeros(shape: number[], options: CreateOptions = {}): Tensor {
  return filled('zeros', shape, 0, options);
}

/** A tensor of `shape` filled with ones. */
export function ones(shape: number[], options: CreateOptions = {}): Tensor {
  return filled('ones', shape, 1, options);
}

/**
 * A tensor of `shape` with every element `value`.
 * @throws DTypeError for dtype int32 and a value no int32 holds.
 */
export function full(
  shape: number[],
  value: number,
  options: CreateOptions = {},
): Tensor {
  return filled('full', shape, value, options);
}

/** Zeros with the shape and (unless given) dtype of `x`. */
export function zerosLike(x: Tensor, options: CreateOptions = {}): Tensor {
  return filled('zerosLike', x.shape, 0, { dtype: x.dtype, ...options });
}

/** Ones with the shape and (unless given) dtype of `x`. */
export function onesLike(x: Tensor, options: CreateOptions = {}): Tensor {
  return filled('onesLike', x.shape, 1, { dtype: x.dtype, ...options });
}

/** `full`, with errors naming `op`, the function the user called. */
function filled(
  op: string,
  shape: number[],
  value: number,
  options: CreateOptions,
): Tensor {
  checkShape(op, shape);
  const dtype = options.dtype ?? DEFAULT_DTYPE;
  checkDType(op, dtype);
  if (dtype === 'int32') checkInt32(op, value, '');
  const data = allocate(dtype, sizeOf(shape));
  if (value !== 0) data.fill(value);
  return leaf(data, shape, options);
}

/**
 * `[start, end)` in steps of `step`, as a rank-1 tensor; `arange(n)` is
 * `0..n-1`. int32 when all three are whole numbers, else float32.
 */
export function arange(
  start: number,
  end?: number,
  step = 1,
  options: CreateOptions = {},
): Tensor {
  if (end === undefined) [start, end] = [0, start];
  if (step === 0 || !Number.isFinite(step)) {
    throw new RangeError(
      `arange: step must be a finite non-zero number, got ${step}.`,
    );
  }
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    throw new RangeError(
      `arange: start and end must be finite numbers, got start ${start}, ` +
        `end ${end}. Pass the bounds of the range you want.`,
    );
  }
  const whole = [start, end, step].every(Number.isInteger);
  const dtype = options.dtype ?? (whole ? 'int32' : DEFAULT_DTYPE);
  checkDType('arange', dtype);
  const n = Math.max(0, Math.ceil((end - start) / step));
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return leaf(data, [n], { ...options, dtype });
}

/** The `(n, m)` identity matrix (`m` defaults to `n`). */
export function eye(n: number, m = n, options: CreateOptions = {}): Tensor {
  const out = filled('eye', [n, m], 0, {
    dtype: options.dtype ?? DEFAULT_DTYPE,
  });
  for (let i = 0; i < Math.min(n, m); i++) out.nd.data[i * m + i] = 1;
  out.requiresGrad_(options.requiresGrad ?? false);
  return out;
}

/**
 * Uniform numbers in [0, 1), float32 unless `dtype` says float64.
 * @throws DTypeError for dtype int32 (use `randint`).
 */
export function rand(shape: number[], options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator;
  checkRandomDType('rand', options.dtype);
  if (options.dtype === 'float64') {
    return fillWith('rand', shape, options, () => g.next());
  }
  // Draws within 2^-25 of 1 round up to 1 in float32; keep them below it,
  // at the largest float32 under 1, so the range stays [0, 1).
  return fillWith('rand', shape, options, () =>
    Math.min(g.next(), BELOW_ONE_F32),
  );
}

/** The largest float32 less than 1: 1 - 2^-24. */
const BELOW_ONE_F32 = 1 - 2 ** -24;

/**
 * Standard normal numbers, float32 unless `dtype` says float64.
 * @throws DTypeError for dtype int32.
 */
export function randn(shape: number[], options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator;
  checkRandomDType('randn', options.dtype);
  return fillWith('randn', shape, options, () => g.normal());
}

/** Refuses int32 for float draws, which would truncate them to 0 silently. */
function checkRandomDType(op: string, dtype: DType | undefined): void {
  if (dtype !== 'int32') return;
  throw new DTypeError(
    `${op}: dtype must be 'float32' or 'float64', got 'int32', which ` +
      `would truncate every draw. Use randint for whole numbers.`,
  );
}

/** Whole numbers in [low, high), int32 unless `dtype` says otherwise. */
export function randint(
  low: number,
  high: number,
  shape: number[],
  options: RandomOptions = {},
): Tensor {
  if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
    throw new RangeError(
      `randint: expected whole numbers low < high, got low ${low}, high ` +
        `${high}. The range is [low, high).`,
    );
  }
  const g = options.generator ?? defaultGenerator;
  const opts = { dtype: 'int32' as DType, ...options };
  return fillWith('randint', shape, opts, () => g.integer(low, high));
}

function fillWith(
  op: string,
  shape: number[],
  options: CreateOptions,
  draw: () => number,
): Tensor {
  checkShape(op, shape);
  const dtype = options.dtype ?? DEFAULT_DTYPE;
  checkDType(op, dtype);
  const data = allocate(dtype, sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = draw();
  return leaf(data, shape, options);
}

function leaf(
  data: TypedArray,
  shape: number[],
  options: CreateOptions,
): Tensor {
  const out = Tensor.fromData(data, shape);
  if (options.requiresGrad) out.requiresGrad_(true);
  return out;
}

/** Throws unless `shape` is a list of whole numbers ≥ 0. */
export function checkShape(op: string, shape: readonly number[]): void {
  const bad = Array.isArray(shape)
    ? shape.findIndex((n) => !Number.isInteger(n) || n < 0)
    : -1;
  if (!Array.isArray(shape) || bad >= 0) {
    throw new ShapeError(
      `${op}: a shape must be an array of whole numbers >= 0, got ` +
        `${Array.isArray(shape) ? formatShape(shape) : String(shape)}` +
        `${bad >= 0 ? ` (dim ${bad} is ${shape[bad]})` : ''}.`,
    );
  }
}

/**
 * Throws unless `value` fits an int32 as it is: whole and within
 * [-2^31, 2^31 - 1]. Storing anything else would truncate or wrap silently.
 */
function checkInt32(op: string, value: number, where: string): void {
  if (!Number.isInteger(value)) {
    throw new DTypeError(
      `${op}: int32 values must be whole numbers, got ${value}${where}. ` +
        `Round them first or use a float dtype.`,
    );
  }
  if (value < -(2 ** 31) || value > 2 ** 31 - 1) {
    throw new DTypeError(
      `${op}: int32 values must lie in [-2147483648, 2147483647], got ` +
        `${value}${where}. Use a float dtype for larger values.`,
    );
  }
}

function checkDType(op: string, dtype: unknown): void {
  if (isDType(dtype)) return;
  throw new DTypeError(
    `${op}: dtype must be 'float32', 'float64' or 'int32', got ` +
      `${JSON.stringify(dtype)}.`,
  );
}
