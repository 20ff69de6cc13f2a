import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DTypeError,
  ShapeError,
  arange,
  data,
  tensor,
  zeros,
  type Tensor,
} from '../../src/index.js';
import { assertThrows } from '../helpers/assert-close.js';

const { TensorDataset } = data;

/** x (5, 2, 3) holding 0..29 row-major, y (5) holding 10, 11, ..., 14. */
function fiveRows(): InstanceType<typeof TensorDataset> {
  const x = arange(30).to('float32').reshape(5, 2, 3);
  const y = arange(10, 15);
  return new TensorDataset(x, y);
}

const ds = suite('TensorDataset');

ds('length is N, the first dim of x (5, 2, 3) and y (5)', () => {
  assert.is(fiveRows().length, 5);
});

ds('get(2) gives x (2, 3) = row 2 and a scalar y', () => {
  const { x, y } = fiveRows().get(2);

  assert.equal(x.shape, [2, 3]);
  assert.is(x.dtype, 'float32');
  // Row 2 of arange(30) viewed as (5, 2, 3) starts at 2 · 6 = 12.
  assert.equal(Array.from(x.values()), [12, 13, 14, 15, 16, 17]);
  assert.equal(y.shape, []);
  assert.is(y.dtype, 'int32');
  // y[2] of arange(10, 15).
  assert.is(y.item(), 12);
});

ds('get returns a copy: writing into it leaves the dataset alone', () => {
  const dataset = fiveRows();

  dataset.get(0).x.values()[0] = 99;

  // x[0, 0, 0] of arange(30) is 0.
  assert.is(dataset.x.values()[0], 0);
  assert.is(dataset.get(0).x.values()[0], 0);
});

ds('batch([4, 0, 2]) stacks rows 4, 0, 2: x (3, 2, 3), y (3)', () => {
  const { x, y } = fiveRows().batch([4, 0, 2]);

  assert.equal(x.shape, [3, 2, 3]);
  assert.equal(y.shape, [3]);
  // Rows 4, 0, 2 of arange(30) as (5, 2, 3): each row is 6 values from 6i.
  assert.equal(
    Array.from(x.values()),
    [24, 25, 26, 27, 28, 29, 0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17],
  );
  // y = 10 + index.
  assert.equal(Array.from(y.values()), [14, 10, 12]);
});

ds('keeps the dtypes of x and y: float64 x, float32 y of shape (N, 2)', () => {
  const x = tensor(
    [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
    { dtype: 'float64' },
  );
  const y = tensor([
    [0.5, 1],
    [1.5, 2],
    [2.5, 3],
  ]);
  const dataset = new TensorDataset(x, y);

  const batch = dataset.batch([1, 2]);
  const item = dataset.get(0);

  assert.is(batch.x.dtype, 'float64');
  assert.is(batch.y.dtype, 'float32');
  assert.equal(batch.y.shape, [2, 2]);
  // Rows 1 and 2 of y as written above.
  assert.equal(Array.from(batch.y.values()), [1.5, 2, 2.5, 3]);
  assert.equal(item.y.shape, [2]);
});

ds('reads a transposed (non-contiguous) x in logical order', () => {
  // x = [[0, 1, 2], [3, 4, 5]]ᵀ = [[0, 3], [1, 4], [2, 5]].
  const x = arange(6).to('float32').reshape(2, 3).T;
  const dataset = new TensorDataset(x, arange(3));

  // Row 1 of the transpose, worked out above.
  assert.equal(Array.from(dataset.get(1).x.values()), [1, 4]);
});

ds('holds a dataset of N = 0 rows', () => {
  const y = zeros([0], { dtype: 'int32' });
  const dataset = new TensorDataset(zeros([0, 4]), y);

  assert.is(dataset.length, 0);
  assert.equal(dataset.batch([]).x.shape, [0, 4]);
});

ds('rejects x [5, 3] with y [4]', () => {
  assertThrows(
    () => new TensorDataset(zeros([5, 3]), zeros([4])),
    ShapeError,
    'TensorDataset: x and y must have the same first dim N',
    'x [5, 3] (N = 5)',
    'y [4] (N = 4)',
    'Pass one target per example',
  );
});

ds('rejects arrays in place of tensors with a DTypeError', () => {
  const x = [
    [1, 2],
    [3, 4],
  ] as unknown as Tensor;
  assertThrows(
    () => new TensorDataset(x, zeros([2])),
    DTypeError,
    'TensorDataset: expected two tensors x (N, ...) and y (N), got an ' +
      'array and a tensor [2].',
    'Wrap arrays with tensor().',
  );
});

ds('rejects a scalar y', () => {
  assertThrows(
    () => new TensorDataset(zeros([1, 3]), tensor(0)),
    ShapeError,
    'need a first dim N',
    'y []',
  );
});

ds('rejects index 5 of 5 examples, and 1.5', () => {
  const dataset = fiveRows();

  assertThrows(
    () => dataset.get(5),
    RangeError,
    'TensorDataset.get: index must be a whole number in [0, 5), got 5.',
  );
  assertThrows(() => dataset.get(1.5), RangeError, 'got 1.5');
  assertThrows(
    () => dataset.batch([0, -1]),
    RangeError,
    'TensorDataset.batch: index must be a whole number in [0, 5), got -1 ' +
      'at position 1',
  );
});

ds.run();
