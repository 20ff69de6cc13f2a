// tapegrad's public API. Everything not listed here is internal.

export { Tensor, type NestedArray, type TensorLike } from './tensor/tensor.js';
export { type DType, type TypedArray } from './tensor/dtype.js';
export {
  tensor,
  zeros,
  ones,
  full,
  arange,
  eye,
  zerosLike,
  onesLike,
  rand,
  randn,
  randint,
  type CreateOptions,
  type RandomOptions,
  type TensorOptions,
} from './tensor/create.js';
export { Generator, manualSeed } from './tensor/random.js';

export {
  abs,
  add,
  argmax,
  argmin,
  cat,
  clamp,
  cos,
  div,
  elu,
  eq,
  exp,
  expand,
  flatten,
  gather,
  ge,
  gelu,
  gt,
  indexSelect,
  le,
  leakyRelu,
  log,
  logSoftmax,
  logsumexp,
  lt,
  matmul,
  max,
  maximum,
  mean,
  min,
  minimum,
  mul,
  narrow,
  ne,
  neg,
  permute,
  pow,
  reciprocal,
  relu,
  reshape,
  sigmoid,
  silu,
  sin,
  softmax,
  softplus,
  sqrt,
  square,
  squeeze,
  stack,
  sub,
  sum,
  tanh,
  transpose,
  unsqueeze,
  variance as var,
  where,
  type VarOptions,
} from './autograd/ops/index.js';

export { nllLoss, type NllLossOptions } from './losses/nll-loss.js';
export {
  crossEntropy,
  type CrossEntropyOptions,
} from './losses/cross-entropy.js';
export { mseLoss } from './losses/mse-loss.js';
export { l1Loss } from './losses/l1-loss.js';
export { type PointwiseLossOptions } from './losses/pointwise.js';
export {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  type BinaryCrossEntropyOptions,
  type BinaryCrossEntropyWithLogitsOptions,
} from './losses/binary-cross-entropy.js';
export { type Reduction } from './losses/reduction.js';
export { type TargetLike } from './losses/target.js';

// Namespaces; each folder's index.ts lists its names explicitly.
export * as nn from './nn/index.js';
export * as optim from './optim/index.js';
export * as data from './data/index.js';
export * as metrics from './metrics/index.js';

export { noGrad, isGradEnabled, tapeStats, TapeNode } from './autograd/tape.js';
export { type BackwardOptions } from './autograd/backward.js';
export { grad, type GradOptions } from './autograd/grad.js';
export {
  gradcheck,
  type GradcheckOptions,
  type GradcheckReport,
} from './autograd/gradcheck.js';
export {
  save,
  load,
  loadCheckpoint,
  checkStateDict,
  encodeSafetensors,
  decodeSafetensors,
  type SaveOptions,
  type Safetensors,
  type TensorSpec,
} from './io/index.js';

export {
  AutogradError,
  CheckpointError,
  DTypeError,
  NotSupportedError,
  ShapeError,
  formatShape,
} from './errors.js';
