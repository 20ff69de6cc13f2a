import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DTypeError, ShapeError, tensor, transpose } from '../../src/index.js';
import { readClassTargets } from '../../src/losses/target.js';
import { assertThrows } from '../helpers/assert-close.js';

/** The read targets as plain data, for `assert.equal`. */
function read(target: unknown): { values: number[]; shape: number[] } {
  const { values, shape } = readClassTargets('nllLoss', target);
  return { values: Array.from(values), shape };
}

const targets = suite('readClassTargets');

// In the tests that read, the expected values are the labels given,
// flattened row-major, and the expected shape is the nesting's.

targets('reads an int32 tensor [2, 2] with its shape', () => {
  const t = tensor(
    [
      [0, 3],
      [2, 1],
    ],
    { dtype: 'int32' },
  );

  assert.equal(read(t), { values: [0, 3, 2, 1], shape: [2, 2] });
});

targets('reads float32 and float64 tensors [3] of whole numbers', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    assert.equal(read(tensor([2, 0, -100], { dtype })), {
      values: [2, 0, -100],
      shape: [3],
    });
  }
});

targets(
  'reads a transposed (non-contiguous) [3, 2] tensor in row-major order',
  () => {
    const t = transpose(
      tensor(
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
        { dtype: 'int32' },
      ),
      0,
      1,
    );

    // Expected: the rows of the transpose, [[0, 3], [1, 4], [2, 5]], read flat.
    assert.equal(read(t), { values: [0, 3, 1, 4, 2, 5], shape: [3, 2] });
  },
);

targets('reads a number as shape [] and a rank-0 tensor alike', () => {
  assert.equal(read(4), { values: [4], shape: [] });
  assert.equal(read(tensor(4, { dtype: 'int32' })), { values: [4], shape: [] });
});

targets('reads nested arrays [2, 3] and an empty array [0]', () => {
  assert.equal(
    read([
      [1, 2, 0],
      [0, 0, 5],
    ]),
    { values: [1, 2, 0, 0, 0, 5], shape: [2, 3] },
  );
  assert.equal(read([]), { values: [], shape: [0] });
});

targets('reads an Int32Array as shape [n]', () => {
  assert.equal(read(Int32Array.from([3, 1, 2])), {
    values: [3, 1, 2],
    shape: [3],
  });
});

targets(
  'copies an Int32Array, so later writes to it change nothing read',
  () => {
    const labels = Int32Array.from([3, 1, 2]);

    const { values } = readClassTargets('nllLoss', labels);
    labels[0] = 0;

    // A loss keeps the targets for its backward; a reused label buffer must
    // not change them.
    assert.is(values[0], 3);
  },
);

targets('rejects 1.5 at position [1, 0] of nested arrays [2, 2]', () => {
  assertThrows(
    () =>
      readClassTargets('nllLoss', [
        [0, 1],
        [1.5, 0],
      ]),
    RangeError,
    'nllLoss: targets must be whole class indices, got 1.5 at position [1, 0]',
    'Pass integer labels',
  );
});

targets(
  'rejects NaN and Infinity in a float tensor [3], with positions',
  () => {
    assertThrows(
      () => readClassTargets('nllLoss', tensor([0, NaN, 1])),
      RangeError,
      'got NaN at position [1]',
      'NaN usually means',
    );
    assertThrows(
      () => readClassTargets('nllLoss', tensor([0, 1, Infinity])),
      RangeError,
      'got Infinity at position [2]',
    );
  },
);

targets('rejects whole numbers outside int32, which would wrap', () => {
  // 2^31 would wrap to -2^31, 2^32 + 1 to 1 and -(2^31) - 1 to 2^31 - 1.
  for (const [value, text] of [
    [2 ** 31, '2147483648'],
    [2 ** 32 + 1, '4294967297'],
    [-(2 ** 31) - 1, '-2147483649'],
  ] as const) {
    assertThrows(
      () =>
        readClassTargets('nllLoss', tensor([0, value], { dtype: 'float64' })),
      RangeError,
      'nllLoss: int32 values must lie in [-2147483648, 2147483647], got ' +
        `${text} (target at position [1])`,
      'no class index',
    );
  }
});

targets('names the op that read the targets', () => {
  assertThrows(
    () => readClassTargets('crossEntropy', [0.5]),
    RangeError,
    'crossEntropy: ',
  );
});

targets(
  'rejects a ragged array: row [1] of length 1 where 2 is expected',
  () => {
    assertThrows(
      () => readClassTargets('nllLoss', [[0, 1], [1]]),
      ShapeError,
      'nllLoss: target is a ragged array',
      'expected length 2 at [1], got length 1',
    );
  },
);

targets('rejects arrays holding strings', () => {
  assertThrows(
    () => readClassTargets('nllLoss', ['1', '2']),
    DTypeError,
    'nllLoss: target arrays must hold numbers, got string',
  );
});

targets('rejects a Float32Array and a string, naming what was given', () => {
  assertThrows(
    () => readClassTargets('nllLoss', new Float32Array([1, 2])),
    DTypeError,
    'nllLoss: target must be class indices',
    'got Float32Array',
    'tensor(',
  );
  assertThrows(
    () => readClassTargets('nllLoss', 'cat'),
    DTypeError,
    'got string',
  );
});

targets.run();
