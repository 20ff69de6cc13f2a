import { softmax } from '../../../src/index.js';
import { softmaxSuite } from '../../helpers/softmax-suite.js';

/** Softmax of one row of moderate numbers, straight from the definition. */
function plainSoftmax(row: readonly number[]): number[] {
  const total = row.reduce((a, v) => a + Math.exp(v), 0);
  return row.map((v) => Math.exp(v) / total);
}

softmaxSuite('softmax', softmax, plainSoftmax);
