import { grad, l1Loss, tensor } from '../../src/index.js';
import { FLOAT64, assertClose } from '../helpers/assert-close.js';
import { pointwiseSuite } from '../helpers/pointwise-loss-suite.js';

pointwiseSuite(
  'l1Loss',
  l1Loss,
  (d) => Math.abs(d),
  (test) => {
    test('has gradient 0 where input equals target, and ±1/N elsewhere for mean', () => {
      const x = tensor([1, 2, 3, 4], { dtype: 'float64', requiresGrad: true });
      const y = tensor([1, 5, 3, 0], { dtype: 'float64' });

      const [dx] = grad(l1Loss(x, y), x);

      // Expected: sign(x - y) / 4, with sign(0) = 0 as PyTorch.
      assertClose(dx!, { shape: [4], values: [0, -0.25, 0, 0.25] }, FLOAT64);
    });
  },
);
