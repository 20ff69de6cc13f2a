// The nn.init namespace: initialisers that fill a tensor in place. Only
// the names listed here are public; helpers in init.ts stay internal.

export {
  calculateGain,
  kaimingNormal_,
  kaimingUniform_,
  normal_,
  uniform_,
  xavierNormal_,
  xavierUniform_,
  type InitOptions,
  type KaimingOptions,
  type Nonlinearity,
} from './init.js';
