import { DTypeError, ShapeError, formatShape } from '../errors.js';
import {
  DEFAULT_DTYPE,
  allocate,
  dtypeOf,
  isDType,
  type DType,
  type TypedArray,
} from './dtype.js';
import { sizeOf } from './shape.js';
import { defaultGenerator, type Generator } from './random.js';
import { Tensor, type NestedArray } from './tensor.js';

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
 * @throws DTypeError for non-whole values in an int32 tensor.
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
    ({ flat, shape } = flatten(value as NestedArray[]));
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
    if (dtype === 'int32' && !Number.isInteger(v)) {
      throw new DTypeError(
        `tensor: int32 values must be whole numbers, got ${v} at flat ` +
          `index ${i}. Round them first or use a float dtype.`,
      );
    }
    data[i] = v;
  }
  return leaf(data, shape, options);
}

/** Walks nested arrays, checking every level is rectangular. */
function flatten(value: NestedArray[]): { flat: number[]; shape: number[] } {
  const shape: number[] = [];
  for (let level: NestedArray = value; Array.isArray(level); level = level[0]!) {
    shape.push(level.length);
    if (level.length === 0) break;
  }
  const flat: number[] = [];
  const visit = (node: NestedArray, depth: number, path: number[]): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number') {
        throw new ShapeError(
          `tensor: ragged nested array: expected a number at ` +
            `${formatShape(path)}, got ${Array.isArray(node) ? 'an array' : typeof node}. ` +
            `Every row at one depth must have the same length.`,
        );
      }
      flat.push(node);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      const got = Array.isArray(node) ? `length ${node.length}` : String(node);
      throw new ShapeError(
        `tensor: ragged nested array: expected length ${shape[depth]} at ` +
          `${formatShape(path)}, got ${got}. ` +
          `Every row at one depth must have the same length.`,
      );
    }
    node.forEach((child, i) => visit(child, depth + 1, [...path, i]));
  };
  visit(value, 0, []);
  return { flat, shape };
}

/** A tensor of `shape` filled with zeros. */
export function zeros(shape: number[], options: CreateOptions = {}): Tensor {
  return full(shape, 0, options);
}

/** A tensor of `shape` filled with ones. */
export function ones(shape: number[], options: CreateOptions = {}): Tensor {
  return full(shape, 1, options);
}

/** A tensor of `shape` with every element `value`. */
export function full(
  shape: number[],
  value: number,
  options: CreateOptions = {},
): Tensor {
  checkShape('full', shape);
  const dtype = options.dtype ?? DEFAULT_DTYPE;
  checkDType('full', dtype);
  const data = allocate(dtype, sizeOf(shape));
  if (value !== 0) data.fill(value);
  return leaf(data, shape, options);
}

/** Zeros with the shape and (unless given) dtype of `x`. */
export function zerosLike(x: Tensor, options: CreateOptions = {}): Tensor {
  return full(x.shape, 0, { dtype: x.dtype, ...options });
}

/** Ones with the shape and (unless given) dtype of `x`. */
export function onesLike(x: Tensor, options: CreateOptions = {}): Tensor {
  return full(x.shape, 1, { dtype: x.dtype, ...options });
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
    throw new RangeError(`arange: step must be a finite non-zero number, got ${step}.`);
  }
  const whole = [start, end, step].every(Number.isInteger);
  const dtype = options.dtype ?? (whole ? 'int32' : DEFAULT_DTYPE);
  const n = Math.max(0, Math.ceil((end - start) / step));
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return leaf(data, [n], { ...options, dtype });
}

/** The `(n, m)` identity matrix (`m` defaults to `n`). */
export function eye(n: number, m = n, options: CreateOptions = {}): Tensor {
  const out = zeros([n, m], { dtype: options.dtype ?? DEFAULT_DTYPE });
  for (let i = 0; i < Math.min(n, m); i++) out.nd.data[i * m + i] = 1;
  out.requiresGrad_(options.requiresGrad ?? false);
  return out;
}

/** Uniform numbers in [0, 1). */
export function rand(shape: number[], options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator;
  return fillWith('rand', shape, options, () => g.next());
}

/** Standard normal numbers. */
export function randn(shape: number[], options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator;
  return fillWith('randn', shape, options, () => g.normal());
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

function leaf(data: TypedArray, shape: number[], options: CreateOptions): Tensor {
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

function checkDType(op: string, dtype: unknown): void {
  if (isDType(dtype)) return;
  throw new DTypeError(
    `${op}: dtype must be 'float32', 'float64' or 'int32', got ` +
      `${JSON.stringify(dtype)}.`,
  );
}
