// The optim namespace: optimizers, learning-rate schedules, clipping.
export { Optimizer } from './optimizer.js';
export { SGD, type SGDOptions } from './sgd.js';
export { Adam, AdamW, type AdamOptions } from './adam.js';
export {
  CosineAnnealingLR,
  ExponentialLR,
  LRScheduler,
  StepLR,
  WarmupCosineLR,
} from './lr-scheduler.js';
export { clipGradNorm } from './clip-grad-norm.js';
