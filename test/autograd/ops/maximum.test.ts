import { suite } from 'uvu';
import { maximum } from '../../../src/index.js';
import { binaryOpSuite } from '../../helpers/binary-op-suite.js';
import { normal, offGrid } from '../../helpers/inputs.js';
import { maximumMinimumSuite } from '../../helpers/maximum-minimum-suite.js';

const test = suite('maximum');

binaryOpSuite(test, {
  name: 'maximum',
  fn: maximum,
  // Grids offset by 0.25, so no central difference straddles a tie.
  gradcheckInputs: (shapeA, shapeB) => [
    offGrid(shapeA, 231, 0),
    offGrid(shapeB, 232, 0.25),
  ],
  methodInputs: () => [normal([2, 3], 233), normal([3], 234)],
  rank0: { a: -1, b: 2, want: 2 }, // max(-1, 2)
  // max(x, 0) by hand; only x = 2 wins, three times.
  plainNumber: {
    x: [-1, 2],
    number: 0,
    right: [0, 2],
    left: [0, 2],
    grad: [0, 3],
  },
});

// All by hand; the tie and NaN rules are PyTorch's.
maximumMinimumSuite(test, {
  name: 'maximum',
  fn: maximum,
  picks: 'larger',
  rows: [3, 5, -2, 3, 2, 4],
  tie: { da: [0, 1, 0.5], db: [1, 0, 0.5] },
  // b wins at [0][0], [1][0], [1][1]: counts per column by hand.
  broadcast: { da: [0, 1, 1, 0, 0, 1], db: [2, 1, 0] },
  int32: { whole: [1, 0], fraction: [1, 0.5] },
});

test.run();
