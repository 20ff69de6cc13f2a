import { ShapeError, formatShape } from '../errors.js';
import type { TargetLike } from '../losses/target.js';
import type { Tensor } from '../tensor/tensor.js';
import { readClassPairs } from './classes.js';

/**
 * The fraction of examples whose predicted class equals the target, a
 * number in [0, 1].
 *
 * `predictions` are class indices, int32 (N), or scores (N, C) such as
 * logits or log-probabilities, whose argmax over C is the predicted class
 * (the first largest wins a tie). `targets` are class indices (N), in any
 * form the losses accept (an int32 tensor, whole-number floats, arrays).
 * @throws ShapeError for N = 0, for predictions of another rank, or for
 * targets whose shape is not [N].
 * @throws DTypeError for float predictions of shape (N).
 * @example
 * const logits = tensor([[2, 1], [0, 3], [5, 4]]);
 * accuracy(logits, tensor([0, 1, 1], { dtype: 'int32' })); // 2 / 3
 */
export function accuracy(predictions: Tensor, targets: TargetLike): number {
  const pairs = readClassPairs('accuracy', predictions, targets);
  const { predicted, actual } = pairs;
  if (predicted.length === 0) {
    throw new ShapeError(
      `accuracy: expected at least one example, got predictions ` +
        `${formatShape(predictions.shape)}: the accuracy of no examples is ` +
        `undefined. Check the dataset or split is not empty.`,
    );
  }

  let correct = 0;
  for (let i = 0; i < predicted.length; i++) {
    if (predicted[i] === actual[i]) correct++;
  }

  return correct / predicted.length;
}
