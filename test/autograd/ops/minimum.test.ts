import { suite } from 'uvu';
import { minimum } from '../../../src/index.js';
import { binaryOpSuite } from '../../helpers/binary-op-suite.js';
import { normal, offGrid } from '../../helpers/inputs.js';
import { maximumMinimumSuite } from '../../helpers/maximum-minimum-suite.js';

const test = suite('minimum');

binaryOpSuite(test, {
  name: 'minimum',
  fn: minimum,
  // Grids offset by 0.25, so no central difference straddles a tie.
  gradcheckInputs: (shapeA, shapeB) => [
    offGrid(shapeA, 241, 0),
    offGrid(shapeB, 242, 0.25),
  ],
  methodInputs: () => [normal([2, 3], 243), normal([3], 244)],
  rank0: { a: -1, b: 2, want: -1 }, // min(-1, 2)
  // min(x, 0) by hand; only x = -1 wins, three times.
  plainNumber: {
    x: [-1, 2],
    number: 0,
    right: [-1, 0],
    left: [-1, 0],
    grad: [3, 0],
  },
});

// All by hand; the tie and NaN rules are PyTorch's.
maximumMinimumSuite(test, {
  name: 'minimum',
  fn: minimum,
  picks: 'smaller',
  rows: [1, 2, -2, 0, -1, -2],
  tie: { da: [1, 0, 0.5], db: [0, 1, 0.5] },
  // a wins at [0][0], [1][0], [1][1]: b wins the rest, counted by hand.
  broadcast: { da: [1, 0, 0, 1, 1, 0], db: [0, 1, 2] },
  int32: { whole: [0, -4], fraction: [0.5, -4] },
});

test.run();
