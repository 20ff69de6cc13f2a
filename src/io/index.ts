// Checkpoints in the safetensors format: the io names src/index.ts exports.

export {
  encodeSafetensors,
  decodeSafetensors,
  type Safetensors,
} from './safetensors.js';
export { save, load, loadCheckpoint, type SaveOptions } from './checkpoint.js';
export { checkStateDict, type TensorSpec } from './check-state-dict.js';
