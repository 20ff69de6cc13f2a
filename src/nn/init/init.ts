import { NotSupportedError, ShapeError, formatShape } from '../../errors.js';
import { noGrad } from '../../autograd/tape.js';
import { defaultGenerator, type Generator } from '../../tensor/random.js';
import { sizeOf } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';

// Initialisers that fill a tensor's storage in place (hence the trailing
// underscore, as in PyTorch). They record nothing on the tape. The fan of
// a weight is computed as PyTorch does: for shape (out, in, ...rest),
// fanIn = in · Π rest and fanOut = out · Π rest. The public names are the
// ones ./index.ts lists; `fans` is internal.

/** The nonlinearities `calculateGain` knows. */
export type Nonlinearity =
  'linear' | 'conv2d' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'selu';

/**
 * The gain PyTorch recommends for a nonlinearity: 1 for linear, conv2d
 * and sigmoid, 5/3 for tanh, √2 for relu, √(2 / (1 + slope²)) for
 * leakyRelu, 3/4 for selu.
 * @param param The negative slope of leakyRelu. Default 0.01; ignored by
 * the other nonlinearities.
 * @example
 * xavierUniform_(w, calculateGain('tanh')); // gain 5/3
 */
export function calculateGain(
  nonlinearity: Nonlinearity,
  param?: number,
): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv2d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu': {
      const slope = param ?? 0.01;
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      return 3 / 4;
  }
}

/**
 * `fanIn` and `fanOut` of a weight (out, in, ...rest), as PyTorch computes
 * them, for initialiser `op`.
 * @throws ShapeError for a tensor of rank < 2.
 */
export function fans(op: string, t: Tensor): { fanIn: number; fanOut: number } {
  if (t.ndim < 2) {
    throw new ShapeError(
      `${op}: expected a weight of rank >= 2 (out, in, ...), whose fan in ` +
        `and fan out are defined, got shape ${formatShape(t.shape)}. Fill ` +
        `a bias or other rank-${t.ndim} tensor with uniform_ or normal_.`,
    );
  }
  const receptive = sizeOf(t.shape.slice(2));
  return { fanIn: t.shape[1]! * receptive, fanOut: t.shape[0]! * receptive };
}

/** Options every initialiser takes. */
export interface InitOptions {
  /**
   * Where the random numbers come from. Default: the shared default
   * generator, which `manualSeed` reseeds.
   */
  generator?: Generator;
}

/**
 * Fills `t`, of any shape, with uniform numbers in [low, high); returns
 * `t`.
 * @param low Default 0.
 * @param high Default 1.
 * @throws NotSupportedError for a non-contiguous view.
 */
export function uniform_(
  t: Tensor,
  low = 0,
  high = 1,
  options: InitOptions = {},
): Tensor {
  checkFillable('uniform_', t);

  return fillUniform(t, low, high, options);
}

/**
 * Fills `t`, of any shape, with normal numbers of the given mean and
 * standard deviation; returns `t`.
 * @param mean Default 0.
 * @param std Default 1.
 * @throws NotSupportedError for a non-contiguous view.
 */
export function normal_(
  t: Tensor,
  mean = 0,
  std = 1,
  options: InitOptions = {},
): Tensor {
  checkFillable('normal_', t);

  return fillNormal(t, mean, std, options);
}

/**
 * Glorot uniform: fills a weight `t` (out, in, ...) from U(-a, a) with
 * a = gain · √(6 / (fanIn + fanOut)); returns `t`.
 * @param gain Default 1; see `calculateGain`.
 * @throws NotSupportedError for a non-contiguous view; ShapeError for a
 * tensor of rank < 2.
 */
export function xavierUniform_(
  t: Tensor,
  gain = 1,
  options: InitOptions = {},
): Tensor {
  checkFillable('xavierUniform_', t);
  const { fanIn, fanOut } = fans('xavierUniform_', t);

  const bound = gain * Math.sqrt(6 / (fanIn + fanOut));
  return fillUniform(t, -bound, bound, options);
}

/**
 * Glorot normal: fills a weight `t` (out, in, ...) from N(0, std²) with
 * std = gain · √(2 / (fanIn + fanOut)); returns `t`.
 * @param gain Default 1; see `calculateGain`.
 * @throws NotSupportedError for a non-contiguous view; ShapeError for a
 * tensor of rank < 2.
 */
export function xavierNormal_(
  t: Tensor,
  gain = 1,
  options: InitOptions = {},
): Tensor {
  checkFillable('xavierNormal_', t);
  const { fanIn, fanOut } = fans('xavierNormal_', t);

  const std = gain * Math.sqrt(2 / (fanIn + fanOut));
  return fillNormal(t, 0, std, options);
}

/** Options of `kaimingUniform_` and `kaimingNormal_`. */
export interface KaimingOptions extends InitOptions {
  /** The negative slope of a leaky ReLU after this layer. Default 0. */
  a?: number;
  /**
   * Preserve the variance of the forward pass ('fanIn') or of the
   * backward ('fanOut'). Default 'fanIn'.
   */
  mode?: 'fanIn' | 'fanOut';
  /** The nonlinearity after this layer. Default 'leakyRelu' (slope `a`). */
  nonlinearity?: Nonlinearity;
}

/**
 * He uniform: fills a weight `t` (out, in, ...) from U(-b, b) with
 * b = gain · √(3 / fan); returns `t`.
 * @throws NotSupportedError for a non-contiguous view; ShapeError for a
 * tensor of rank < 2.
 * @example
 * kaimingUniform_(layer.weight, { nonlinearity: 'relu' });
 */
export function kaimingUniform_(
  t: Tensor,
  options: KaimingOptions = {},
): Tensor {
  checkFillable('kaimingUniform_', t);

  const std = kaimingStd('kaimingUniform_', t, options);
  return fillUniform(t, -Math.sqrt(3) * std, Math.sqrt(3) * std, options);
}

/**
 * He normal: fills a weight `t` (out, in, ...) from N(0, std²) with
 * std = gain / √fan; returns `t`.
 * @throws NotSupportedError for a non-contiguous view; ShapeError for a
 * tensor of rank < 2.
 */
export function kaimingNormal_(
  t: Tensor,
  options: KaimingOptions = {},
): Tensor {
  checkFillable('kaimingNormal_', t);

  return fillNormal(t, 0, kaimingStd('kaimingNormal_', t, options), options);
}

function kaimingStd(op: string, t: Tensor, options: KaimingOptions): number {
  const { fanIn, fanOut } = fans(op, t);
  const fan = (options.mode ?? 'fanIn') === 'fanIn' ? fanIn : fanOut;
  const gain = calculateGain(
    options.nonlinearity ?? 'leakyRelu',
    options.a ?? 0,
  );
  return gain / Math.sqrt(fan);
}

/**
 * Refuses a non-contiguous view before anything is read: its values() is
 * a copy, so filling it would change nothing.
 */
function checkFillable(op: string, t: Tensor): void {
  if (t.isContiguous()) return;
  throw new NotSupportedError(
    `${op}: expected a contiguous tensor to fill in place, got a ` +
      `non-contiguous ${formatShape(t.shape)} view (a transpose or slice). ` +
      `Fill the tensor it views, or a contiguous copy, t.detach().clone().`,
  );
}

function fillUniform(
  t: Tensor,
  low: number,
  high: number,
  options: InitOptions,
): Tensor {
  const g = options.generator ?? defaultGenerator;
  return fill(t, () => low + (high - low) * g.next());
}

function fillNormal(
  t: Tensor,
  mean: number,
  std: number,
  options: InitOptions,
): Tensor {
  const g = options.generator ?? defaultGenerator;
  return fill(t, () => mean + std * g.normal());
}

/** Writes `draw()` into each element of contiguous `t`'s storage. */
function fill(t: Tensor, draw: () => number): Tensor {
  noGrad(() => {
    const data = t.values();
    for (let i = 0; i < data.length; i++) data[i] = draw();
  });
  return t;
}
