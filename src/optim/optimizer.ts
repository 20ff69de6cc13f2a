import { DTypeError, ShapeError, formatShape } from '../errors.js';
import { allocate, type TypedArray } from '../tensor/dtype.js';
import { sameShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { StateDict } from '../nn/module.js';

/**
 * The base of the optimizers: it holds the parameters, a learning rate
 * that schedules may change, and per-parameter buffers (momentum, moment
 * estimates) as typed arrays of the parameter's dtype. `step()` updates
 * each parameter's storage in place from its `.grad`, recording nothing.
 */
export abstract class Optimizer {
  readonly params: readonly Tensor[];
  /** The learning rate for the next `step()`. */
  lr: number;
  /** The number of `step()` calls so far. */
  stepCount = 0;
  /** Buffers by name, one typed array per parameter (null until first used). */
  protected readonly buffers = new Map<string, (TypedArray | null)[]>();

  constructor(params: Iterable<Tensor>, lr: number, bufferNames: readonly string[]) {
    this.params = [...params];
    if (!(lr >= 0)) throw new RangeError(`optimizer: lr must be >= 0, got ${lr}.`);
    this.lr = lr;
    this.params.forEach((p, i) => {
      if (!(p instanceof Tensor) || p.dtype === 'int32' || !p.isContiguous()) {
        throw new DTypeError(
          `optimizer: parameter ${i} must be a contiguous float tensor, got ` +
            `${p instanceof Tensor ? `${p.dtype} ${formatShape(p.shape)}` : typeof p}.`,
        );
      }
    });
    for (const name of bufferNames) this.buffers.set(name, this.params.map(() => null));
  }

  /** Clears every parameter's gradient. */
  zeroGrad(): void {
    for (const p of this.params) p.grad = null;
  }

  /** Updates every parameter that has a gradient. */
  step(): void {
    this.stepCount++;
    this.params.forEach((p, i) => {
      if (p.grad === null) return;
      this.update(i, p.values(), p.grad.values());
    });
  }

  /** Updates parameter `i`'s values `p` in place from its gradient `g`. */
  protected abstract update(i: number, p: TypedArray, g: TypedArray): void;

  /** Buffer `name` of parameter `i`, created zeroed on first use. */
  protected buffer(name: string, i: number): TypedArray {
    const list = this.buffers.get(name)!;
    const param = this.params[i]!;
    list[i] ??= allocate(param.dtype, param.size);
    return list[i]!;
  }

  /** Whether buffer `name` of parameter `i` exists yet. */
  protected hasBuffer(name: string, i: number): boolean {
    return this.buffers.get(name)![i] !== null;
  }

  /**
   * Everything needed to resume: `lr` and `step` as rank-0 float64 tensors,
   * and each buffer as `<name>.<param index>`. Save it with `save`.
   */
  stateDict(): StateDict {
    const out: StateDict = {
      lr: Tensor.fromData(new Float64Array([this.lr]), []),
      step: Tensor.fromData(new Float64Array([this.stepCount]), []),
    };
    for (const [name, list] of this.buffers) {
      list.forEach((data, i) => {
        if (data !== null) out[`${name}.${i}`] = Tensor.fromData(data, this.params[i]!.shape);
      });
    }
    return out;
  }

  /**
   * Restores what `stateDict` gave (copying the buffers).
   * @throws Error naming the entry that is unknown or of the wrong shape.
   */
  loadStateDict(state: StateDict): void {
    const entries = Object.entries(state);
    for (const [key, t] of entries) {
      if (key === 'lr' || key === 'step') continue;
      const [name, index] = splitKey(key);
      const param = this.params[index];
      if (!this.buffers.has(name) || param === undefined) {
        throw new Error(`optimizer.loadStateDict: unknown entry '${key}' for this optimizer.`);
      }
      if (!sameShape(t.shape, param.shape)) {
        throw new ShapeError(
          `optimizer.loadStateDict: '${key}' has shape ${formatShape(t.shape)}, ` +
            `but parameter ${index} has ${formatShape(param.shape)}.`,
        );
      }
    }
    this.lr = state.lr?.item() ?? this.lr;
    this.stepCount = state.step?.item() ?? 0;
    for (const list of this.buffers.values()) list.fill(null);
    for (const [key, t] of entries) {
      if (key === 'lr' || key === 'step') continue;
      const [name, index] = splitKey(key);
      this.buffer(name, index).set(t.to(this.params[index]!.dtype).values());
    }
  }
}

function splitKey(key: string): [string, number] {
  const dot = key.lastIndexOf('.');
  return [key.slice(0, dot), Number(key.slice(dot + 1))];
}
