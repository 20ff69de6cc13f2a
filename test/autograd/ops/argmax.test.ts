import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  ShapeError,
  argmax,
  argmin,
  tensor,
  zeros,
} from '../../../src/index.js';
import { assertThrows } from '../../helpers/assert-close.js';
import { normal } from '../../helpers/inputs.js';

for (const [name, op, better] of [
  ['argmax', argmax, (a: number, b: number) => a > b],
  ['argmin', argmin, (a: number, b: number) => a < b],
] as const) {
  /** The first position of the best value, by a plain scan. */
  const bestAt = (values: readonly number[]): number =>
    values.reduce((at, v, i) => (better(v, values[at]!) ? i : at), 0);

  const s = suite(name);

  s('gives int32 positions and records nothing on the tape', () => {
    const x = normal([3, 4], 1).requiresGrad_();
    const out = op(x, 1);
    assert.is(out.dtype, 'int32');
    assert.is(out.requiresGrad, false);
    assert.is(out.node, null);
  });

  s('gives the flat position in [2, 3, 4] with no dim, as a scan does', () => {
    const x = normal([2, 3, 4], 2);
    const out = op(x);
    assert.equal(out.shape, []);
    assert.is(out.item(), bestAt([...x.values()]));
  });

  s('finds along dim 1 and -1 of [3, 4] the positions a scan finds', () => {
    const x = normal([3, 4], 3);
    const want = (x.toArray() as number[][]).map(bestAt);
    assert.equal([...op(x, 1).values()], want);
    assert.equal(op(x, -1, true).shape, [3, 1]);
    assert.equal([...op(x, -1, true).values()], want);
  });

  s('finds along dim 0 of [3, 4] the positions a scan finds', () => {
    const x = normal([3, 4], 4);
    const rows = x.toArray() as number[][];
    const want = [0, 1, 2, 3].map((j) => bestAt(rows.map((row) => row[j]!)));
    assert.equal([...op(x, 0).values()], want);
    assert.equal(op(x, 0, true).shape, [1, 4]);
  });

  s('gives the first position of a tie, as PyTorch', () => {
    const x = tensor(name === 'argmax' ? [2, 7, 7, 1] : [2, -1, 5, -1]);
    assert.is(op(x).item(), 1);
  });

  s('points at NaN, which wins as in max and min', () => {
    assert.is(op(tensor([1, NaN, 3])).item(), 1);
  });

  s('gives 0 for a rank-0 tensor, with no dim and dim 0', () => {
    const x = tensor(3);
    assert.is(op(x).item(), 0);
    assert.is(op(x, 0).item(), 0);
    assert.equal(op(x, -1, true).shape, []);
  });

  s('gives zeros along a size-1 dim: [3, 1] over dim 1', () => {
    assert.equal([...op(normal([3, 1], 5), 1).values()], [0, 0, 0]);
  });

  s('accepts int32 input', () => {
    assert.is(
      op(
        tensor(
          [
            [3, 9],
            [9, 3],
          ],
          { dtype: 'int32' },
        ),
      ).item(),
      name === 'argmax' ? 1 : 0,
    );
  });

  s('reduces the non-empty dim 1 of an empty [0, 3] to an empty [0]', () => {
    // Expected: as torch.argmax(torch.zeros(0, 3), 1), an empty int64
    // tensor of shape [0] (int32 here).
    const out = op(zeros([0, 3]), 1);
    assert.equal(out.shape, [0]);
    assert.is(out.dtype, 'int32');
    assert.equal(op(zeros([0, 3]), 1, true).shape, [0, 1]);
  });

  s('rejects the whole of an empty [0, 3] and its empty dim 0', () => {
    assertThrows(
      () => op(zeros([0, 3])),
      ShapeError,
      `${name}: expected a non-empty tensor to reduce over, got shape [0, 3]`,
    );
    assertThrows(
      () => op(zeros([0, 3]), 0),
      ShapeError,
      `${name}: expected dim 0 to have non-zero size, got shape [0, 3]`,
    );
  });

  s('rejects dim 2 for [2, 3], naming the range [-2, 1]', () => {
    assertThrows(
      () => op(zeros([2, 3]), 2),
      RangeError,
      `${name}:`,
      '[-2, 1]',
      'got 2',
    );
    assertThrows(() => op(tensor(1), -2), RangeError, '[-1, 0]', 'got -2');
  });

  s.run();
}
