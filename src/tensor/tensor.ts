import ndarray from 'ndarray';
import {
  AutogradError,
  DTypeError,
  ShapeError,
  formatShape,
} from '../errors.js';
import { allocate, dtypeOf, type DType, type TypedArray } from './dtype.js';
import {
  contiguousData,
  copyStrided,
  isContiguous,
  type NdArray,
} from './kernels/strided.js';
import { formatTensor } from './format.js';
import { record, type TapeNode } from '../autograd/tape.js';
import { backward, type BackwardOptions } from '../autograd/backward.js';
import * as ops from '../autograd/ops/index.js';

/** A tensor or a plain number, accepted wherever an operand is. */
export type TensorLike = Tensor | number;

/** Nested arrays of numbers, as `toArray()` returns and `tensor()` takes. */
export type NestedArray = number | NestedArray[];

/**
 * An n-dimensional array of float32, float64 or int32 values over an
 * `ndarray` view, which may record the ops applied to it on the tape.
 *
 * The storage is a typed array; a view (transpose, permute, expand, narrow,
 * reshape of contiguous data) shares it and differs only in shape, strides
 * and offset. The shape is frozen: a tensor never changes shape in place.
 *
 * Each op method is a shortcut for the function of the same name with the
 * tensor first: `x.add(y)` is `add(x, y)`. See those functions for shapes,
 * gradients and errors.
 */
export class Tensor {
  /** The ndarray view: storage, shape (frozen), strides and offset. */
  readonly nd: NdArray;
  /** The element type: 'float32', 'float64' or 'int32'. */
  readonly dtype: DType;
  /** The accumulated gradient of a leaf, set by `backward()`. */
  grad: Tensor | null = null;
  #requiresGrad: boolean;
  #node: TapeNode | null = null;

  /**
   * Wraps `nd` (its shape is frozen in place); prefer `tensor()`, `zeros()`
   * and the other creation functions.
   * @throws DTypeError for `requiresGrad` with int32 storage.
   */
  constructor(nd: NdArray, requiresGrad = false) {
    this.nd = nd;
    // ndarray copies the shape it is given, so freezing it here freezes
    // only this view's own array (and costs nothing per element).
    Object.freeze(nd.shape);
    this.dtype = dtypeOf(nd.data);
    if (requiresGrad && this.dtype === 'int32') {
      throw new DTypeError(
        `Tensor: an int32 tensor cannot require grad, since its values are ` +
          `not differentiable. Create it with dtype 'float32' or 'float64'.`,
      );
    }
    this.#requiresGrad = requiresGrad;
  }

  /** A fresh contiguous tensor owning `data`, viewed as `shape`. */
  static fromData(data: TypedArray, shape: readonly number[]): Tensor {
    // ndarray copies `shape` into the view, so the caller's array is safe.
    return new Tensor(ndarray(data, shape as number[]));
  }

  /**
   * Whether backward computes a gradient for this tensor: set on a leaf
   * with `requiresGrad_()` or `{ requiresGrad: true }`, and true for every
   * result recorded on the tape.
   */
  get requiresGrad(): boolean {
    return this.#requiresGrad;
  }

  /** The tape node that made this tensor, or null for a leaf. */
  get node(): TapeNode | null {
    return this.#node;
  }

  /**
   * Makes this fresh tensor the output of `node`, and so a non-leaf that
   * requires grad. For `record()` only.
   * @internal
   * @throws AutogradError (internal) when this tensor already has a node.
   */
  attachNode(node: TapeNode): void {
    if (this.#node !== null) {
      throw new AutogradError(
        `internal: ${node.op} recorded a tensor that ${this.#node.op} ` +
          `already made; each op must record a tensor of its own.`,
      );
    }
    this.#node = node;
    this.#requiresGrad = true;
  }

  /** The size of each dim, read-only (frozen); `[]` for a rank-0 tensor. */
  get shape(): readonly number[] {
    return this.nd.shape;
  }

  /** The number of dims (the rank): `shape.length`. */
  get ndim(): number {
    return this.nd.shape.length;
  }

  /** The number of elements: the product of the shape, 1 for rank 0. */
  get size(): number {
    return this.nd.size;
  }

  /** True when this tensor was made by no recorded op. */
  get isLeaf(): boolean {
    return this.#node === null;
  }

  /** The transpose of a 2-D tensor (a view); see `transpose` for others. */
  get T(): Tensor {
    if (this.ndim !== 2) {
      throw new ShapeError(
        `Tensor.T: expected a 2-D tensor, got shape ` +
          `${formatShape(this.shape)}. Use transpose(dim0, dim1) or permute.`,
      );
    }
    return ops.transpose(this, 0, 1);
  }

  /** Whether the elements lie in row-major order with no gaps. */
  isContiguous(): boolean {
    return isContiguous(this.nd);
  }

  /**
   * The values in row-major order. A view of the storage when contiguous,
   * else a copy: treat it as read-only.
   */
  values(): TypedArray {
    return contiguousData(this.nd);
  }

  /** The single value of a one-element tensor, as a number. */
  item(): number {
    if (this.size !== 1) {
      throw new ShapeError(
        `item: expected a tensor with one element, got shape ` +
          `${formatShape(this.shape)} (${this.size} elements). ` +
          `Reduce it first (sum, mean) or index one element.`,
      );
    }
    return this.nd.data[this.nd.offset]!;
  }

  /** The values as nested arrays (a number for a rank-0 tensor). */
  toArray(): NestedArray {
    const flat = this.values();
    const shape = this.shape;
    if (shape.length === 0) return flat[0]!;
    let pos = 0;
    const build = (d: number): NestedArray[] => {
      const n = shape[d]!;
      const row: NestedArray[] = new Array(n);
      for (let i = 0; i < n; i++) {
        row[i] = d === shape.length - 1 ? flat[pos++]! : build(d + 1);
      }
      return row;
    };
    return build(0);
  }

  /** A readable print-out: values (the middle elided when large), dtype. */
  toString(): string {
    return formatTensor(this);
  }

  /**
   * A contiguous copy of this tensor's values in new storage. Recorded on
   * the tape as PyTorch's clone is: the gradient passes straight through.
   * For an untracked copy use `x.detach().clone()`.
   */
  clone(): Tensor {
    const data = allocate(this.dtype, this.size);
    const nd = this.nd;
    if (this.isContiguous()) {
      data.set(nd.data.subarray(nd.offset, nd.offset + data.length));
    } else {
      copyStrided(nd.data, nd.offset, nd.shape, nd.stride, data);
    }
    const out = Tensor.fromData(data, this.shape);

    // dx = dy
    return record('clone', out, [this], (dy) => [dy]);
  }

  /** The same values as a new leaf that the tape does not track. */
  detach(): Tensor {
    return new Tensor(this.nd);
  }

  /**
   * Marks this leaf as requiring grad (or not); returns it.
   * @throws DTypeError for `true` on an int32 tensor.
   * @throws AutogradError on a non-leaf (a result of recorded ops): its
   * flag follows its inputs. Use `x.detach()` for a tensor cut from the
   * graph, or `x.detach().clone().requiresGrad_()` for a new leaf.
   */
  requiresGrad_(requiresGrad = true): this {
    if (requiresGrad && this.dtype === 'int32') {
      throw new DTypeError(
        `requiresGrad_: an int32 tensor cannot require grad. ` +
          `Convert it first with x.to('float32').`,
      );
    }
    // PyTorch lets requires_grad_(True) pass on a non-leaf as a no-op; we
    // refuse it too, since the caller usually wants a leaf whose .grad
    // backward fills, and a non-leaf's .grad stays null.
    if (this.#node !== null) {
      throw new AutogradError(
        `requiresGrad_: only a leaf's flag can change, but this tensor was ` +
          `made by ${this.#node.op}, so it requires grad because its ` +
          `inputs do. Use x.detach() to stop gradients flowing through it, ` +
          `or x.detach().clone().requiresGrad_() for a new leaf.`,
      );
    }
    this.#requiresGrad = requiresGrad;
    return this;
  }

  /**
   * Back-propagates from this tensor, accumulating into the `.grad` of every
   * leaf that requires grad. A scalar needs no `gradient`; any other shape
   * needs one of its own shape. Options go second:
   * `y.backward(undefined, { retainGraph: true })`.
   * @throws AutogradError when this tensor does not require grad, the
   * gradient is not a Tensor of this shape, or the graph was freed.
   */
  backward(gradient?: Tensor, options: BackwardOptions = {}): void {
    backward(this, gradient, options);
  }

  /** `cast(this, dtype)`: this tensor converted to `dtype`. */
  to(dtype: DType): Tensor {
    return ops.cast(this, dtype);
  }
  /** `add(this, other)`: the elementwise sum, broadcasting. */
  add(other: TensorLike): Tensor {
    return ops.add(this, other);
  }
  /** `sub(this, other)`: the elementwise difference, broadcasting. */
  sub(other: TensorLike): Tensor {
    return ops.sub(this, other);
  }
  /** `mul(this, other)`: the elementwise product, broadcasting. */
  mul(other: TensorLike): Tensor {
    return ops.mul(this, other);
  }
  /** `div(this, other)`: the elementwise quotient, broadcasting. */
  div(other: TensorLike): Tensor {
    return ops.div(this, other);
  }
  /** `pow(this, exponent)`: elementwise power, broadcasting. */
  pow(exponent: TensorLike): Tensor {
    return ops.pow(this, exponent);
  }
  /** `maximum(this, other)`: the elementwise larger value. */
  maximum(other: TensorLike): Tensor {
    return ops.maximum(this, other);
  }
  /** `minimum(this, other)`: the elementwise smaller value. */
  minimum(other: TensorLike): Tensor {
    return ops.minimum(this, other);
  }
  /** `neg(this)`: `-x`. */
  neg(): Tensor {
    return ops.neg(this);
  }
  /** `abs(this)`: `|x|`. */
  abs(): Tensor {
    return ops.abs(this);
  }
  /** `exp(this)`: `e^x`. */
  exp(): Tensor {
    return ops.exp(this);
  }
  /** `log(this)`: the natural logarithm. */
  log(): Tensor {
    return ops.log(this);
  }
  /** `sqrt(this)`: the square root. */
  sqrt(): Tensor {
    return ops.sqrt(this);
  }
  /** `square(this)`: `x²`. */
  square(): Tensor {
    return ops.square(this);
  }
  /** `reciprocal(this)`: `1 / x`. */
  reciprocal(): Tensor {
    return ops.reciprocal(this);
  }
  /** `sin(this)`: the sine. */
  sin(): Tensor {
    return ops.sin(this);
  }
  /** `cos(this)`: the cosine. */
  cos(): Tensor {
    return ops.cos(this);
  }
  /** `tanh(this)`: the hyperbolic tangent. */
  tanh(): Tensor {
    return ops.tanh(this);
  }
  /** `sigmoid(this)`: `1 / (1 + e^-x)`. */
  sigmoid(): Tensor {
    return ops.sigmoid(this);
  }
  /** `relu(this)`: `max(x, 0)`. */
  relu(): Tensor {
    return ops.relu(this);
  }
  /** `leakyRelu(this, negativeSlope)`: `x`, or `negativeSlope · x` below 0. */
  leakyRelu(negativeSlope?: number): Tensor {
    return ops.leakyRelu(this, negativeSlope);
  }
  /** `elu(this, alpha)`: `x`, or `alpha · (e^x - 1)` below 0. */
  elu(alpha?: number): Tensor {
    return ops.elu(this, alpha);
  }
  /** `gelu(this)`: the Gaussian error linear unit. */
  gelu(): Tensor {
    return ops.gelu(this);
  }
  /** `silu(this)`: `x · sigmoid(x)`. */
  silu(): Tensor {
    return ops.silu(this);
  }
  /** `softplus(this, beta, threshold)`: a smooth relu, `log(1 + e^x)`. */
  softplus(beta?: number, threshold?: number): Tensor {
    return ops.softplus(this, beta, threshold);
  }
  /** `clamp(this, min, max)`: limited to `[min, max]`. */
  clamp(min?: number | null, max?: number | null): Tensor {
    return ops.clamp(this, min, max);
  }
  /** `sum(this, dim, keepdim)`: the sum over `dim`, or over everything. */
  sum(dim?: number | number[], keepdim?: boolean): Tensor {
    return ops.sum(this, dim, keepdim);
  }
  /** `mean(this, dim, keepdim)`: the mean over `dim`, or over everything. */
  mean(dim?: number | number[], keepdim?: boolean): Tensor {
    return ops.mean(this, dim, keepdim);
  }
  /** `max(this, dim, keepdim)`: the largest value along `dim`, or overall. */
  max(dim?: number, keepdim?: boolean): Tensor {
    return ops.max(this, dim, keepdim);
  }
  /** `min(this, dim, keepdim)`: the smallest value along `dim`, or overall. */
  min(dim?: number, keepdim?: boolean): Tensor {
    return ops.min(this, dim, keepdim);
  }
  /** `variance(this, dim, options)`: the variance over `dim`. */
  var(dim?: number | number[], options?: ops.VarOptions): Tensor {
    return ops.variance(this, dim, options);
  }
  /** `argmax(this, dim, keepdim)`: int32 positions of the largest values. */
  argmax(dim?: number, keepdim?: boolean): Tensor {
    return ops.argmax(this, dim, keepdim);
  }
  /** `argmin(this, dim, keepdim)`: int32 positions of the smallest values. */
  argmin(dim?: number, keepdim?: boolean): Tensor {
    return ops.argmin(this, dim, keepdim);
  }
  /** `logsumexp(this, dim, keepdim)`: `log(sum(exp(x)))`, computed stably. */
  logsumexp(dim: number | number[], keepdim?: boolean): Tensor {
    return ops.logsumexp(this, dim, keepdim);
  }
  /** `softmax(this, dim)`: exponentials normalised to sum to 1 on `dim`. */
  softmax(dim: number): Tensor {
    return ops.softmax(this, dim);
  }
  /** `logSoftmax(this, dim)`: the log of `softmax`, computed stably. */
  logSoftmax(dim: number): Tensor {
    return ops.logSoftmax(this, dim);
  }
  /** `matmul(this, other)`: the matrix product. */
  matmul(other: Tensor): Tensor {
    return ops.matmul(this, other);
  }
  /** `reshape(this, shape)`: the same elements in a new shape. */
  reshape(...shape: number[] | [readonly number[]]): Tensor {
    return ops.reshape(this, shapeArgs(shape));
  }
  /** `transpose(this, dim0, dim1)`: a view with two dims swapped. */
  transpose(dim0: number, dim1: number): Tensor {
    return ops.transpose(this, dim0, dim1);
  }
  /** `permute(this, dims)`: a view with the dims reordered. */
  permute(...dims: number[] | [readonly number[]]): Tensor {
    return ops.permute(this, shapeArgs(dims));
  }
  /** `unsqueeze(this, dim)`: a new size-1 dim inserted at `dim`. */
  unsqueeze(dim: number): Tensor {
    return ops.unsqueeze(this, dim);
  }
  /** `squeeze(this, dim)`: size-1 dims (or the one at `dim`) removed. */
  squeeze(dim?: number): Tensor {
    return ops.squeeze(this, dim);
  }
  /** `expand(this, shape)`: a broadcast view repeating size-1 dims. */
  expand(...shape: number[] | [readonly number[]]): Tensor {
    return ops.expand(this, shapeArgs(shape));
  }
  /** `flatten(this, startDim, endDim)`: dims merged into one. */
  flatten(startDim?: number, endDim?: number): Tensor {
    return ops.flatten(this, startDim, endDim);
  }
  /** `gather(this, dim, index)`: values picked along `dim` by `index`. */
  gather(dim: number, index: Tensor): Tensor {
    return ops.gather(this, dim, index);
  }
  /** `indexSelect(this, dim, index)`: the slices at `index` along `dim`. */
  indexSelect(dim: number, index: Tensor): Tensor {
    return ops.indexSelect(this, dim, index);
  }
  /** `narrow(this, dim, start, length)`: a view of a range along `dim`. */
  narrow(dim: number, start: number, length: number): Tensor {
    return ops.narrow(this, dim, start, length);
  }
  /** `eq(this, other)`: int32 1 where equal, else 0. */
  eq(other: TensorLike): Tensor {
    return ops.eq(this, other);
  }
  /** `ne(this, other)`: int32 1 where not equal, else 0. */
  ne(other: TensorLike): Tensor {
    return ops.ne(this, other);
  }
  /** `lt(this, other)`: int32 1 where less, else 0. */
  lt(other: TensorLike): Tensor {
    return ops.lt(this, other);
  }
  /** `le(this, other)`: int32 1 where less or equal, else 0. */
  le(other: TensorLike): Tensor {
    return ops.le(this, other);
  }
  /** `gt(this, other)`: int32 1 where greater, else 0. */
  gt(other: TensorLike): Tensor {
    return ops.gt(this, other);
  }
  /** `ge(this, other)`: int32 1 where greater or equal, else 0. */
  ge(other: TensorLike): Tensor {
    return ops.ge(this, other);
  }
}

/** Accepts both `f(2, 3)` and `f([2, 3])`, as PyTorch's shape methods do. */
function shapeArgs(args: number[] | [readonly number[]]): readonly number[] {
  const first = args[0];
  return Array.isArray(first) ? first : (args as number[]);
}
