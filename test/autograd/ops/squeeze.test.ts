import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { squeeze, tensor, zeros } from '../../../src/index.js';
import { assertThrows } from '../../helpers/assert-close.js';
import { assertGradcheck } from '../../helpers/gradcheck.js';
import { normal } from '../../helpers/inputs.js';

const s = suite('squeeze');

s('gradcheck: every size-1 dim of [1, 3, 1, 2], and dims 0 and -2', () => {
  assertGradcheck((x) => squeeze(x), [normal([1, 3, 1, 2], 1)]);
  assertGradcheck((x) => squeeze(x, 0), [normal([1, 3, 1, 2], 2)]);
  assertGradcheck((x) => squeeze(x, -2), [normal([1, 3, 1, 2], 3)]);
});

s('gradcheck: a dim that is not size 1 leaves [2, 3] as it is', () => {
  assertGradcheck((x) => squeeze(x, 1), [normal([2, 3], 4)]);
});

s(
  'drops size-1 dims: [1, 3, 1, 2] becomes [3, 2], [3, 1, 2], [1, 3, 2]',
  () => {
    const x = zeros([1, 3, 1, 2]);
    assert.equal(squeeze(x).shape, [3, 2]);
    assert.equal(squeeze(x, 0).shape, [3, 1, 2]);
    assert.equal(squeeze(x, 2).shape, [1, 3, 2]);
    assert.equal(squeeze(x, -2).shape, [1, 3, 2]);
    assert.equal(
      squeeze(x, 1).shape,
      [1, 3, 1, 2],
      'size 3 stays, as in PyTorch',
    );
  },
);

s('keeps the values: [[[1], [2]]] becomes [1, 2]', () => {
  assert.equal(squeeze(tensor([[[1], [2]]])).toArray(), [1, 2]);
});

s('shares storage with a contiguous input', () => {
  const x = normal([1, 3, 1], 5);
  assert.is(squeeze(x).nd.data, x.nd.data);
});

s(
  'turns [1, 1] into rank 0 and keeps rank 0 and size-0 [0, 1] sensible',
  () => {
    assert.equal(squeeze(tensor([[4]])).shape, []);
    assert.is(squeeze(tensor(4), 0).item(), 4);
    assert.equal(squeeze(tensor(4)).shape, []);
    assert.equal(squeeze(zeros([0, 1])).shape, [0]);
    assert.equal(squeeze(zeros([0, 1]), 0).shape, [0, 1]);
  },
);

s('rejects dim 2 for rank 2 and dim 1 for rank 0, naming the range', () => {
  assertThrows(
    () => squeeze(zeros([1, 3]), 2),
    RangeError,
    'squeeze:',
    '[-2, 1]',
    'got 2',
  );
  assertThrows(
    () => squeeze(tensor(1), 1),
    RangeError,
    'squeeze:',
    '[-1, 0]',
    'got 1',
  );
});

s.run();
