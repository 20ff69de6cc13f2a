import ndarray from 'ndarray';
import { DTypeError, ShapeError, formatShape } from '../errors.js';
import { allocate, dtypeOf, type DType, type TypedArray } from './dtype.js';
import {
  contiguousData,
  isContiguous,
  type NdArray,
} from './kernels/strided.js';
import { formatTensor } from './format.js';
import type { TapeNode } from '../autograd/tape.js';
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
 * and offset.
 */
export class Tensor {
  /** The ndarray view: storage, shape, strides and offset. */
  readonly nd: NdArray;
  readonly dtype: DType;
  /** Whether backward computes a gradient for this tensor. */
  requiresGrad: boolean;
  /** The accumulated gradient of a leaf, set by `backward()`. */
  grad: Tensor | null = null;
  /** The tape node that made this tensor, or null for a leaf. */
  node: TapeNode | null = null;

  constructor(nd: NdArray, requiresGrad = false) {
    this.nd = nd;
    this.dtype = dtypeOf(nd.data);
    if (requiresGrad && this.dtype === 'int32') {
      throw new DTypeError(
        `Tensor: an int32 tensor cannot require grad, since its values are ` +
          `not differentiable. Create it with dtype 'float32' or 'float64'.`,
      );
    }
    this.requiresGrad = requiresGrad;
  }

  /** A fresh contiguous tensor owning `data`, viewed as `shape`. */
  static fromData(data: TypedArray, shape: readonly number[]): Tensor {
    return new Tensor(ndarray(data, shape.slice()));
  }

  get shape(): number[] {
    return this.nd.shape;
  }

  get ndim(): number {
    return this.nd.shape.length;
  }

  get size(): number {
    return this.nd.size;
  }

  /** True when this tensor was made by no recorded op. */
  get isLeaf(): boolean {
    return this.node === null;
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

  /** A contiguous copy of this tensor's values, cut from the tape. */
  clone(): Tensor {
    const data = allocate(this.dtype, this.size);
    data.set(this.values());
    return Tensor.fromData(data, this.shape);
  }

  /** The same values as a new leaf that the tape does not track. */
  detach(): Tensor {
    return new Tensor(this.nd);
  }

  /** Marks this leaf as requiring grad (or not); returns it. */
  requiresGrad_(requiresGrad = true): this {
    if (requiresGrad && this.dtype === 'int32') {
      throw new DTypeError(
        `requiresGrad_: an int32 tensor cannot require grad. ` +
          `Convert it first with x.to('float32').`,
      );
    }
    this.requiresGrad = requiresGrad;
    return this;
  }

  /**
   * Back-propagates from this tensor, accumulating into the `.grad` of every
   * leaf that requires grad. A scalar needs no `gradient`; any other shape
   * needs one of its own shape.
   */
  backward(gradient?: Tensor, options: BackwardOptions = {}): void {
    backward(this, gradient, options);
  }

  to(dtype: DType): Tensor {
    return ops.cast(this, dtype);
  }

  add(other: TensorLike): Tensor {
    return ops.add(this, other);
  }
  sub(other: TensorLike): Tensor {
    return ops.sub(this, other);
  }
  mul(other: TensorLike): Tensor {
    return ops.mul(this, other);
  }
  div(other: TensorLike): Tensor {
    return ops.div(this, other);
  }
  pow(exponent: TensorLike): Tensor {
    return ops.pow(this, exponent);
  }
  maximum(other: TensorLike): Tensor {
    return ops.maximum(this, other);
  }
  minimum(other: TensorLike): Tensor {
    return ops.minimum(this, other);
  }
  neg(): Tensor {
    return ops.neg(this);
  }
  abs(): Tensor {
    return ops.abs(this);
  }
  exp(): Tensor {
    return ops.exp(this);
  }
  log(): Tensor {
    return ops.log(this);
  }
  sqrt(): Tensor {
    return ops.sqrt(this);
  }
  square(): Tensor {
    return ops.square(this);
  }
  reciprocal(): Tensor {
    return ops.reciprocal(this);
  }
  sin(): Tensor {
    return ops.sin(this);
  }
  cos(): Tensor {
    return ops.cos(this);
  }
  tanh(): Tensor {
    return ops.tanh(this);
  }
  sigmoid(): Tensor {
    return ops.sigmoid(this);
  }
  relu(): Tensor {
    return ops.relu(this);
  }
  leakyRelu(negativeSlope?: number): Tensor {
    return ops.leakyRelu(this, negativeSlope);
  }
  elu(alpha?: number): Tensor {
    return ops.elu(this, alpha);
  }
  gelu(): Tensor {
    return ops.gelu(this);
  }
  silu(): Tensor {
    return ops.silu(this);
  }
  softplus(options?: ops.SoftplusOptions): Tensor {
    return ops.softplus(this, options);
  }
  clamp(min?: number | null, max?: number | null): Tensor {
    return ops.clamp(this, min, max);
  }
  sum(dim?: number | number[], keepdim?: boolean): Tensor {
    return ops.sum(this, dim, keepdim);
  }
  mean(dim?: number | number[], keepdim?: boolean): Tensor {
    return ops.mean(this, dim, keepdim);
  }
  max(dim?: number, keepdim?: boolean): Tensor {
    return ops.max(this, dim, keepdim);
  }
  min(dim?: number, keepdim?: boolean): Tensor {
    return ops.min(this, dim, keepdim);
  }
  var(dim?: number | number[], options?: ops.VarOptions): Tensor {
    return ops.variance(this, dim, options);
  }
  argmax(dim?: number, keepdim?: boolean): Tensor {
    return ops.argmax(this, dim, keepdim);
  }
  argmin(dim?: number, keepdim?: boolean): Tensor {
    return ops.argmin(this, dim, keepdim);
  }
  logsumexp(dim: number | number[], keepdim?: boolean): Tensor {
    return ops.logsumexp(this, dim, keepdim);
  }
  softmax(dim: number): Tensor {
    return ops.softmax(this, dim);
  }
  logSoftmax(dim: number): Tensor {
    return ops.logSoftmax(this, dim);
  }
  matmul(other: Tensor): Tensor {
    return ops.matmul(this, other);
  }
  reshape(...shape: number[] | [number[]]): Tensor {
    return ops.reshape(this, shapeArgs(shape));
  }
  transpose(dim0: number, dim1: number): Tensor {
    return ops.transpose(this, dim0, dim1);
  }
  permute(...dims: number[] | [number[]]): Tensor {
    return ops.permute(this, shapeArgs(dims));
  }
  unsqueeze(dim: number): Tensor {
    return ops.unsqueeze(this, dim);
  }
  squeeze(dim?: number): Tensor {
    return ops.squeeze(this, dim);
  }
  expand(...shape: number[] | [number[]]): Tensor {
    return ops.expand(this, shapeArgs(shape));
  }
  flatten(startDim?: number, endDim?: number): Tensor {
    return ops.flatten(this, startDim, endDim);
  }
  gather(dim: number, index: Tensor): Tensor {
    return ops.gather(this, dim, index);
  }
  indexSelect(dim: number, index: Tensor): Tensor {
    return ops.indexSelect(this, dim, index);
  }
  narrow(dim: number, start: number, length: number): Tensor {
    return ops.narrow(this, dim, start, length);
  }
  eq(other: TensorLike): Tensor {
    return ops.eq(this, other);
  }
  ne(other: TensorLike): Tensor {
    return ops.ne(this, other);
  }
  lt(other: TensorLike): Tensor {
    return ops.lt(this, other);
  }
  le(other: TensorLike): Tensor {
    return ops.le(this, other);
  }
  gt(other: TensorLike): Tensor {
    return ops.gt(this, other);
  }
  ge(other: TensorLike): Tensor {
    return ops.ge(this, other);
  }
}

/** Accepts both `f(2, 3)` and `f([2, 3])`, as PyTorch's shape methods do. */
function shapeArgs(args: number[] | [number[]]): number[] {
  const first = args[0];
  return Array.isArray(first) ? first : (args as number[]);
}
