import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  metrics,
  tensor,
  zeros,
} from '../../src/index.js';
import { assertThrows } from '../helpers/assert-close.js';

const { accuracy } = metrics;

/** Class indices as an int32 tensor (N). */
const classes = (values: number[]) => tensor(values, { dtype: 'int32' });

const acc = suite('accuracy');

acc('class indices (4): 3 of 4 right gives 0.75', () => {
  // Positions 0, 1 and 3 agree, position 2 does not: 3 / 4.
  assert.is(accuracy(classes([0, 1, 2, 1]), classes([0, 1, 1, 1])), 0.75);
});

acc('scores (3, 2) are reduced by argmax over C', () => {
  const logits = tensor([
    [2, 1],
    [0, 3],
    [5, 4],
  ]);

  // argmax by row is [0, 1, 0]; against [0, 1, 1] two agree: 2 / 3.
  assert.is(accuracy(logits, classes([0, 1, 1])), 2 / 3);
});

acc('a tie in the scores goes to the first class, as argmax', () => {
  // Both rows tie between classes 0 and 1: argmax picks 0 for each.
  assert.is(
    accuracy(
      tensor([
        [1, 1],
        [0, 0],
      ]),
      classes([0, 1]),
    ),
    0.5,
  );
});

acc('targets may be arrays, an Int32Array or whole-number floats', () => {
  const predictions = classes([2, 0, 1]);

  // All three agree in every form: 3 / 3.
  assert.is(accuracy(predictions, [2, 0, 1]), 1);
  assert.is(accuracy(predictions, Int32Array.from([2, 0, 1])), 1);
  assert.is(accuracy(predictions, tensor([2, 0, 1])), 1);
  // None agree: 0 / 3.
  assert.is(accuracy(predictions, [0, 1, 2]), 0);
});

acc('rejects targets [4, 10] for scores [4, 10]', () => {
  assertThrows(
    () => accuracy(zeros([4, 10]), zeros([4, 10])),
    ShapeError,
    'accuracy: targets must have shape [4] (one class index per row of ' +
      'predictions [4, 10]), got [4, 10]. Pass class indices, not one-hot',
  );
});

acc('rejects targets [3] for predictions [4]', () => {
  assertThrows(
    () => accuracy(classes([0, 1, 2, 3]), [0, 1, 2]),
    ShapeError,
    'targets must have shape [4]',
    'got [3]',
  );
});

acc('rejects float predictions (4): they are not class indices', () => {
  assertThrows(
    () => accuracy(tensor([0, 1, 1, 0]), [0, 1, 1, 0]),
    DTypeError,
    'accuracy: predictions of shape [4] must be int32 class indices, got ' +
      'float32.',
    ".to('int32')",
  );
});

acc('rejects predictions [2, 3, 4] and scores [2, 0]', () => {
  assertThrows(
    () => accuracy(zeros([2, 3, 4]), [0, 1]),
    ShapeError,
    'accuracy: predictions must be class indices (N) or scores (N, C) ' +
      'with C >= 1, got shape [2, 3, 4].',
  );
  assertThrows(
    () => accuracy(zeros([2, 0]), [0, 1]),
    ShapeError,
    'got shape [2, 0]',
  );
});

acc('rejects N = 0, whose accuracy is undefined', () => {
  assertThrows(
    () => accuracy(zeros([0, 10]), classes([])),
    ShapeError,
    'accuracy: expected at least one example, got predictions [0, 10]',
  );
});

acc.run();
