import { DTypeError, ShapeError, formatShape } from '../errors.js';
import { argmax } from '../autograd/ops/argmax.js';
import { readClassTargets, type TargetLike } from '../losses/target.js';
import { Tensor } from '../tensor/tensor.js';

/** Predicted and true classes, one pair per example, read for a metric. */
export interface ClassPairs {
  predicted: Int32Array;
  actual: Int32Array;
  /** C, the number of score columns, or null for class indices. */
  scoreColumns: number | null;
}

/**
 * Reads `predictions`, class indices int32 (N) or scores (N, C) reduced
 * by argmax over C, and `targets`, class indices (N), for metric `op`.
 * @throws DTypeError for float (N) predictions, which are not indices.
 * @throws ShapeError for predictions of another rank, scores with C = 0,
 * or targets whose shape is not [N].
 */
export function readClassPairs(
  op: string,
  predictions: Tensor,
  targets: TargetLike,
): ClassPairs {
  const predicted = predictedClasses(op, predictions);
  const n = predictions.shape[0]!;
  const target = readClassTargets(op, targets);
  if (target.shape.length !== 1 || target.shape[0] !== n) {
    throw new ShapeError(
      `${op}: targets must have shape ${formatShape([n])} (one class ` +
        `index per row of predictions ${formatShape(predictions.shape)}), ` +
        `got ${formatShape(target.shape)}. Pass class indices, not ` +
        `one-hot rows or scores.`,
    );
  }

  return {
    predicted,
    actual: target.values,
    scoreColumns: predictions.ndim === 2 ? predictions.shape[1]! : null,
  };
}

function predictedClasses(op: string, predictions: Tensor): Int32Array {
  if (!(predictions instanceof Tensor)) {
    throw new DTypeError(
      `${op}: predictions must be a tensor, class indices int32 (N) or ` +
        `scores (N, C), got ${typeof predictions}. Wrap them with tensor().`,
    );
  }
  if (predictions.ndim === 1 && predictions.dtype !== 'int32') {
    throw new DTypeError(
      `${op}: predictions of shape ${formatShape(predictions.shape)} must ` +
        `be int32 class indices, got ${predictions.dtype}. Convert indices ` +
        `with .to('int32'), or pass the scores (N, C) themselves.`,
    );
  }
  if (predictions.ndim === 1) return Int32Array.from(predictions.values());
  if (predictions.ndim !== 2 || predictions.shape[1] === 0) {
    throw new ShapeError(
      `${op}: predictions must be class indices (N) or scores (N, C) with ` +
        `C >= 1, got shape ${formatShape(predictions.shape)}. Flatten ` +
        `extra dims into N first.`,
    );
  }
  if (predictions.shape[0] === 0) return new Int32Array(0);

  // argmax takes the first largest score, and counts NaN as the largest.
  return Int32Array.from(argmax(predictions, 1).values());
}
