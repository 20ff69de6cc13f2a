import {
  DTypeError,
  ShapeError,
  describeValue,
  formatShape,
} from '../errors.js';
import {
  DEFAULT_DTYPE,
  MAX_SIZE,
  allocate,
  checkInt32,
  isDType,
  isInt32,
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
  shape?: readonly number[];
}

export interface RandomOptions extends CreateOptions {
  /** Where the numbers come from; the default generator if omitted. */
  generator?: Generator;
}

/**
 * A new tensor holding a copy of `value`: a number (rank 0), nested arrays
 * (shape read from the nesting) or a typed array (rank 1, or `shape`).
 * The dtype is `options.dtype`, else the typed array's, else float32. A
 * Float32Array is float32, a Float64Array float64; Int32Array and the
 * smaller integer arrays (Int8, Uint8, Uint8Clamped, Int16, Uint16,
 * Uint32) are int32.
 * @throws ShapeError for ragged nesting, a `shape` of another size or one
 * over `MAX_SIZE` elements.
 * @throws DTypeError for a value of another kind (a string, a DataView, a
 * BigInt64Array), a hole or non-number in the nested arrays, or non-whole
 * values in an int32 tensor.
 * @throws RangeError for values outside the int32 range in an int32
 * tensor (they would wrap).
 * @example
 * const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * x.shape; // [2, 2]
 */
export function tensor(
  value: NestedArray | TypedArray | readonly number[],
  options: TensorOptions = {},
): Tensor {
  let flat: ArrayLike<number>;
  let shape: readonly number[];
  let dtype = options.dtype ?? DEFAULT_DTYPE;
  if (typeof value === 'number') {
    flat = [value];
    shape = [];
  } else if (ArrayBuffer.isView(value)) {
    dtype = options.dtype ?? typedArrayDType('tensor', value);
    flat = value;
    shape = [value.length];
  } else if (Array.isArray(value)) {
    ({ flat, shape } = flattenNested('tensor', NESTED, value as NestedArray[]));
  } else {
    throw new DTypeError(
      `tensor: expected a number, nested arrays of numbers or a typed ` +
        `array, got ${describeValue(value)}. Pass the values themselves.`,
    );
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
  checkShape('tensor', shape);
  const data = allocate(dtype, flat.length);
  if (dtype === 'int32' && !(flat instanceof Int32Array)) {
    for (let i = 0; i < flat.length; i++) {
      const v = flat[i]!;
      if (!isInt32(v)) checkInt32('tensor', v, ` at flat index ${i}`);
    }
  }
  data.set(flat);
  return leaf(data, shape, options);
}

/**
 * The dtype a typed array is read as.
 * @throws DTypeError for a view no dtype holds (DataView, BigInt64Array).
 */
function typedArrayDType(op: string, value: ArrayBufferView): DType {
  if (value instanceof Float32Array) return 'float32';
  if (value instanceof Float64Array) return 'float64';
  const integers = [
    Int32Array,
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Uint32Array,
  ];
  if (integers.some((kind) => value instanceof kind)) return 'int32';
  throw new DTypeError(
    `${op}: cannot read ${describeValue(value)}; expected a Float32Array, ` +
      `Float64Array, Int32Array or a smaller integer array. Copy the ` +
      `values into one first, e.g. Float64Array.from(values, Number).`,
  );
}

/**
 * A tensor of `shape` filled with zeros.
 * @throws ShapeError for a shape that is not whole numbers >= 0, or one
 * of more than `MAX_SIZE` elements.
 * @throws DTypeError for an unknown dtype, or requiresGrad with int32.
 */
export function zeros(
  shape: readonly number[],
  options: CreateOptions = {},
): Tensor {
  return filled('zeros', shape, 0, options);
}

/**
 * A tensor of `shape` filled with ones.
 * @throws ShapeError and DTypeError as `zeros`.
 */
export function ones(
  shape: readonly number[],
  options: CreateOptions = {},
): Tensor {
  return filled('ones', shape, 1, options);
}

/**
 * A tensor of `shape` with every element `value`.
 * @throws ShapeError as `zeros`.
 * @throws DTypeError for a `value` that is not a number, an unknown
 * dtype, or a non-whole value with dtype int32.
 * @throws RangeError for a value outside the int32 range with dtype int32.
 */
export function full(
  shape: readonly number[],
  value: number,
  options: CreateOptions = {},
): Tensor {
  if (typeof value !== 'number') {
    throw new DTypeError(
      `full: the fill value must be a number, got ${describeValue(value)}. ` +
        `Pass it after the shape: full([2, 3], 0.5).`,
    );
  }
  return filled('full', shape, value, options);
}

/**
 * Zeros with the shape and (unless given) dtype of `x`.
 * @throws DTypeError when `x` is not a Tensor (use `zeros` for a shape).
 */
export function zerosLike(x: Tensor, options: CreateOptions = {}): Tensor {
  checkLike('zerosLike', 'zeros', x);
  return filled('zerosLike', x.shape, 0, { dtype: x.dtype, ...options });
}

/**
 * Ones with the shape and (unless given) dtype of `x`.
 * @throws DTypeError when `x` is not a Tensor (use `ones` for a shape).
 */
export function onesLike(x: Tensor, options: CreateOptions = {}): Tensor {
  checkLike('onesLike', 'ones', x);
  return filled('onesLike', x.shape, 1, { dtype: x.dtype, ...options });
}

function checkLike(op: string, fromShape: string, x: unknown): void {
  if (x instanceof Tensor) return;
  throw new DTypeError(
    `${op}: expected a Tensor, got ${describeValue(x)}. Use ` +
      `${fromShape}(shape) to make one from a shape.`,
  );
}

/** `full`, with errors naming `op`, the function the user called. */
function filled(
  op: string,
  shape: readonly number[],
  value: number,
  options: CreateOptions,
): Tensor {
  checkShape(op, shape);
  const dtype = options.dtype ?? DEFAULT_DTYPE;
  checkDType(op, dtype);
  if (dtype === 'int32') checkInt32(op, value);
  const data = allocate(dtype, sizeOf(shape));
  if (value !== 0) data.fill(value);
  return leaf(data, shape, options);
}

/**
 * `[start, end)` in steps of `step`, as a rank-1 tensor; `arange(n)` is
 * `0..n-1`. int32 when all three are whole numbers, else float32.
 * @throws RangeError for a zero or non-finite step, non-finite bounds, a
 * range of more than `MAX_SIZE` elements, or int32 values outside the
 * int32 range (pass `{ dtype: 'float64' }` for those).
 * @throws DTypeError for an unknown dtype, or dtype int32 with values that
 * are not whole.
 * @example
 * arange(1, 2, 0.25); // [1, 1.25, 1.5, 1.75] in float32
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
  if (n > MAX_SIZE) {
    throw new RangeError(
      `arange: [${start}, ${end}) in steps of ${step} has ${n} elements, ` +
        `more than the ${MAX_SIZE} a tensor can hold. Narrow the range or ` +
        `take a larger step.`,
    );
  }
  if (dtype === 'int32' && n > 0) {
    // Whole ends and a whole step make every value whole; the values run
    // monotonically, so the two ends bound them all.
    const fix = "Pass { dtype: 'float64' } for larger values.";
    if (n > 1 && !Number.isInteger(step)) {
      checkInt32('arange', step, ' (the step)', fix);
    }
    checkInt32('arange', start, ' (the first value)', fix);
    checkInt32('arange', start + (n - 1) * step, ' (the last value)', fix);
  }
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return leaf(data, [n], { ...options, dtype });
}

/**
 * The `(n, m)` identity matrix (`m` defaults to `n`).
 * @throws ShapeError for sizes that are not whole numbers >= 0, or more
 * than `MAX_SIZE` elements.
 * @throws DTypeError for an unknown dtype, or requiresGrad with int32.
 */
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
 * @throws DTypeError for any dtype but float32 and float64 (for whole
 * numbers, use `randint`).
 * @throws ShapeError as `zeros`.
 */
export function rand(
  shape: readonly number[],
  options: RandomOptions = {},
): Tensor {
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
 * @throws DTypeError for any dtype but float32 and float64.
 * @throws ShapeError as `zeros`.
 */
export function randn(
  shape: readonly number[],
  options: RandomOptions = {},
): Tensor {
  const g = options.generator ?? defaultGenerator;
  checkRandomDType('randn', options.dtype);
  return fillWith('randn', shape, options, () => g.normal());
}

/**
 * Refuses any dtype but the floating ones for float draws: int32 would
 * truncate every draw to 0 silently.
 */
function checkRandomDType(op: string, dtype: DType | undefined): void {
  if (dtype === undefined || dtype === 'float32' || dtype === 'float64') {
    return;
  }
  throw new DTypeError(
    `${op}: dtype must be 'float32' or 'float64', got ` +
      (dtype === 'int32'
        ? `'int32', which would truncate every draw. Use randint for ` +
          `whole numbers.`
        : `${JSON.stringify(dtype)}.`),
  );
}

/**
 * Whole numbers in [low, high), int32 unless `dtype` says otherwise.
 * @throws RangeError unless low < high are whole numbers, or (for int32)
 * when low or high - 1 lies outside the int32 range (pass
 * `{ dtype: 'float64' }` for those).
 * @throws ShapeError and DTypeError as `zeros`.
 * @example
 * randint(0, 10, [64]); // 64 class labels in [0, 10)
 */
export function randint(
  low: number,
  high: number,
  shape: readonly number[],
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
  if (opts.dtype === 'int32') {
    const fix = "Pass { dtype: 'float64' } for a wider range.";
    checkInt32('randint', low, ' (low)', fix);
    checkInt32('randint', high - 1, ' (high - 1, the largest draw)', fix);
  }
  return fillWith('randint', shape, opts, () => g.integer(low, high));
}

function fillWith(
  op: string,
  shape: readonly number[],
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
  shape: readonly number[],
  options: CreateOptions,
): Tensor {
  const out = Tensor.fromData(data, shape);
  if (options.requiresGrad) out.requiresGrad_(true);
  return out;
}

/**
 * Throws unless `shape` is a list of whole numbers >= 0 whose product is
 * at most `MAX_SIZE`; `op` names the caller.
 * @throws ShapeError naming `op`, the shape and the bad dim or the size.
 */
function checkShape(op: string, shape: readonly number[]): void {
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
  const size = sizeOf(shape);
  if (size > MAX_SIZE) {
    throw new ShapeError(
      `${op}: shape ${formatShape(shape)} has ${size} elements, more than ` +
        `the ${MAX_SIZE} (2^31 - 1) a tensor can hold, so that every flat ` +
        `index fits in int32. Use a smaller shape.`,
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
