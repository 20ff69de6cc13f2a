// The nn namespace: layers, containers and initialisers.
export { Module, type StateDict } from './module.js';
export { Linear, type LinearOptions } from './linear.js';
export { Sequential } from './sequential.js';
export { Dropout, type DropoutOptions } from './dropout.js';
export {
  Flatten,
  GELU,
  Identity,
  LogSoftmax,
  ReLU,
  Sigmoid,
  Softmax,
  Tanh,
} from './activations.js';
export * as init from './init/index.js';
