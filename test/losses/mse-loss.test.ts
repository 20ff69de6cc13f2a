import { grad, mseLoss, tensor } from '../../src/index.js';
import { FLOAT64, assertClose } from '../helpers/assert-close.js';
import { pointwiseSuite } from '../helpers/pointwise-loss-suite.js';

pointwiseSuite(
  'mseLoss',
  mseLoss,
  (d) => d * d,
  (test) => {
    test('has gradient 2 (x - y) / N for mean on [4]', () => {
      const x = tensor([1, 2, 3, 4], { dtype: 'float64', requiresGrad: true });
      const y = tensor([1, 5, 3, 0], { dtype: 'float64' });

      const [dx] = grad(mseLoss(x, y), x);

      // Expected: 2 · [0, -3, 0, 4] / 4, by hand.
      assertClose(dx!, { shape: [4], values: [0, -1.5, 0, 2] }, FLOAT64);
    });
  },
);
