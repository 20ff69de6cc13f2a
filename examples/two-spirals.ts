// Two interleaved spirals: a problem no straight line separates, which a
// small tanh network learns in a few hundred steps.
// Run: npm run example:spirals
import {
  crossEntropy,
  metrics,
  noGrad,
  nn,
  optim,
  tensor,
  Generator,
} from '../src/index.js';

const generator = new Generator(1);
const POINTS = 200; // per spiral

// Spiral k: radius grows with the angle, the second turned by π, with a
// little noise.
const coords: number[][] = [];
const labels: number[] = [];
for (let k = 0; k < 2; k++) {
  for (let i = 0; i < POINTS; i++) {
    const t = (i / POINTS) * 3 * Math.PI + 0.5;
    const r = t / (3 * Math.PI);
    const noise = () => (generator.next() - 0.5) * 0.04;
    coords.push([
      r * Math.cos(t + k * Math.PI) + noise(),
      r * Math.sin(t + k * Math.PI) + noise(),
    ]);
    labels.push(k);
  }
}
const x = tensor(coords);
const y = tensor(labels, { dtype: 'int32' });

const model = new nn.Sequential(
  new nn.Linear(2, 32, { generator }),
  new nn.Tanh(),
  new nn.Linear(32, 32, { generator }),
  new nn.Tanh(),
  new nn.Linear(32, 2, { generator }),
);
const optimizer = new optim.Adam(model.parameters(), { lr: 0.01 });

for (let step = 1; step <= 600; step++) {
  optimizer.zeroGrad();
  const loss = crossEntropy(model.forward(x), y);
  loss.backward();
  optimizer.step();
  if (step % 100 === 0) {
    const accuracy = metrics.accuracy(
      noGrad(() => model.forward(x)),
      y,
    );
    console.log(
      `step ${step}  loss ${loss.item().toFixed(4)}  accuracy ${(100 * accuracy).toFixed(1)}%`,
    );
  }
}
