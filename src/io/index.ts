// Checkpoints in the safetensors format: the io names src/index.ts exports.

export {
  encodeSafetensors,
  decodeSafetensors,
  type Safetensors,
} from './safetensors.js';
export {
  save,
  load,
  loadCheckpoint,
  checkStateDict,
  type SaveOptions,
  type TensorSpec,
} from './checkpoint.js';
export { CheckpointError } from './checkpoint-error.js';
