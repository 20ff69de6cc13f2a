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

const { ConfusionMatrix, accuracy, confusionMatrix } = metrics;

/** Class indices as an int32 tensor (N). */
const classes = (values: number[]) => tensor(values, { dtype: 'int32' });

// Seven examples of three classes, worked out by hand below.
const TARGETS = [0, 0, 1, 1, 2, 2, 2];
const PREDICTED = [0, 1, 1, 1, 2, 0, 2];
// Row t, column p counts the examples of class t predicted as p:
// class 0 was predicted 0 once and 1 once; class 1 was predicted 1 twice;
// class 2 was predicted 2 twice and 0 once.
const MATRIX = [
  [1, 1, 0],
  [0, 2, 0],
  [1, 0, 2],
];

const cm = suite('confusionMatrix');

cm('counts (true, predicted) pairs into an int32 (3, 3) matrix', () => {
  const result = confusionMatrix(classes(PREDICTED), classes(TARGETS));

  assert.is(result.matrix.dtype, 'int32');
  assert.equal(result.matrix.shape, [3, 3]);
  assert.is(result.numClasses, 3);
  assert.equal(result.matrix.toArray(), MATRIX);
});

cm('precision divides the diagonal by column sums, recall by row sums', () => {
  const result = confusionMatrix(classes(PREDICTED), classes(TARGETS));

  // Columns of MATRIX sum to 2, 3, 2; the diagonal is 1, 2, 2.
  assert.equal(result.precision(), [1 / 2, 2 / 3, 1]);
  // Rows of MATRIX sum to 2, 2, 3.
  assert.equal(result.recall(), [1 / 2, 1, 2 / 3]);
});

cm('precision and recall are 0, not NaN, for a class never seen', () => {
  // Class 3 is neither predicted nor a target; class 2 is never predicted.
  const result = confusionMatrix(classes([0, 1, 1]), classes([0, 1, 2]), 4);

  // Column sums 1, 2, 0, 0 and diagonal 1, 1, 0, 0.
  assert.equal(result.precision(), [1, 1 / 2, 0, 0]);
  // Row sums 1, 1, 1, 0.
  assert.equal(result.recall(), [1, 1, 0, 0]);
});

cm('scores (N, C) are reduced by argmax and fix C', () => {
  // argmax by row: 1, 0, 0; only class 3 has no example and no prediction.
  const scores = tensor([
    [0, 5, 1, 0],
    [9, 1, 1, 0],
    [3, 2, 1, 0],
  ]);

  const result = confusionMatrix(scores, [1, 0, 2]);

  // True 1 → 1, true 0 → 0, true 2 → 0, in a 4 × 4 grid.
  assert.equal(result.matrix.toArray(), [
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [1, 0, 0, 0],
    [0, 0, 0, 0],
  ]);
});

cm('without numClasses, C is one more than the largest class seen', () => {
  // The largest class is 5, a target: C = 6.
  assert.is(confusionMatrix(classes([0, 1]), [5, 1]).numClasses, 6);
});

cm('the diagonal over N equals accuracy', () => {
  const predictions = classes(PREDICTED);
  const result = confusionMatrix(predictions, TARGETS);

  const counts = result.matrix.values();
  const diagonal = counts[0]! + counts[4]! + counts[8]!;

  assert.is(diagonal / TARGETS.length, accuracy(predictions, TARGETS));
});

cm('toString prints an aligned table headed true and predicted', () => {
  const text = confusionMatrix(classes(PREDICTED), classes(TARGETS)).toString();

  // MATRIX, laid out by hand in the documented format.
  assert.is(
    text,
    [
      '     | predicted',
      'true | 0  1  2',
      '-----+----------',
      '   0 | 1  1  0',
      '   1 | 0  2  0',
      '   2 | 1  0  2',
    ].join('\n'),
  );
});

cm('toString takes class names and widens columns to fit them', () => {
  // 14 setosa: 12 predicted setosa, 1 versicolor, 1 virginica.
  const predicted = [...new Array<number>(12).fill(0), 1, 2];
  const result = confusionMatrix(classes(predicted), new Array(14).fill(0), 3);

  // Laid out by hand: the row labels take the width of 'versicolor', each
  // column the width of its name, counts right-aligned beneath.
  assert.is(
    result.toString(['setosa', 'versicolor', 'virginica']),
    [
      '           | predicted',
      '      true | setosa  versicolor  virginica',
      '-----------+------------------------------',
      '    setosa |     12           1          1',
      'versicolor |      0           0          0',
      ' virginica |      0           0          0',
    ].join('\n'),
  );
});

cm('rejects a target outside [0, numClasses), naming its position', () => {
  assertThrows(
    () => confusionMatrix(classes([0, 1, 1]), [0, 3, 1], 3),
    RangeError,
    'confusionMatrix: targets must be classes in [0, 3), got 3 at position 1.',
  );
  assertThrows(
    () => confusionMatrix(classes([0, -1]), [0, 1]),
    RangeError,
    'predictions must be classes in [0, 2), got -1 at position 1.',
    'Pass numClasses',
  );
});

cm('rejects numClasses 3 for scores with C = 4, and numClasses 0', () => {
  assertThrows(
    () => confusionMatrix(zeros([2, 4]), [0, 1], 3),
    ShapeError,
    'confusionMatrix: numClasses is 3 but the scores [2, 4] have C = 4 ' +
      'columns.',
  );
  assertThrows(
    () => confusionMatrix(classes([0]), [0], 0),
    RangeError,
    'confusionMatrix: numClasses must be a whole number >= 1, got 0.',
  );
});

cm('rejects targets [2, 3] for predictions [2, 3]', () => {
  assertThrows(
    () => confusionMatrix(zeros([2, 3]), zeros([2, 3])),
    ShapeError,
    'confusionMatrix: targets must have shape [2]',
    'got [2, 3]',
  );
});

cm('rejects a toString with 2 names for 3 classes', () => {
  const result = confusionMatrix(classes(PREDICTED), classes(TARGETS));

  assertThrows(
    () => result.toString(['a', 'b']),
    RangeError,
    'ConfusionMatrix.toString: expected 3 class names, one per class, got 2.',
  );
});

cm.run();

const matrix = suite('ConfusionMatrix');

matrix('wraps int32 counts (C, C)', () => {
  const result = new ConfusionMatrix(tensor(MATRIX, { dtype: 'int32' }));

  // Column sums 2, 3, 2 of MATRIX, as in confusionMatrix's test.
  assert.equal(result.precision(), [1 / 2, 2 / 3, 1]);
});

matrix('rejects float counts and a (2, 3) matrix', () => {
  assertThrows(
    () => new ConfusionMatrix(zeros([2, 2])),
    DTypeError,
    'ConfusionMatrix: expected an int32 tensor of counts, got float32.',
  );
  assertThrows(
    () => new ConfusionMatrix(zeros([2, 3], { dtype: 'int32' })),
    ShapeError,
    'ConfusionMatrix: expected a square matrix (C, C), got [2, 3].',
  );
});

matrix.run();
