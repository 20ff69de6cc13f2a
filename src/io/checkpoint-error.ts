/**
 * A checkpoint cannot be written, read or used: a damaged or foreign
 * safetensors file, a failed save, or a state dict that does not fit the
 * model. The message names the file and, where one is at fault, the tensor.
 */
export class CheckpointError extends Error {
  override name = 'CheckpointError';
}
