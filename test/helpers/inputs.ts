// Seeded float64 inputs for gradient checks and forward tests. Each maker
// builds a fresh Generator from `seed`, so a (shape, seed) pair always gives
// the same values.
import {
  Generator,
  rand,
  randint,
  randn,
  tensor,
  type Tensor,
} from '../../src/index.js';

/** Standard normal float64 values of `shape`. */
export function normal(shape: number[], seed: number): Tensor {
  return randn(shape, { generator: new Generator(seed), dtype: 'float64' });
}

/** Normal float64 values of `shape` with standard deviation `std`. */
export function scaledNormal(
  shape: number[],
  seed: number,
  std: number,
): Tensor {
  return normal(shape, seed).mul(std);
}

/** Uniform float64 values in [0.5, 1.5): positive and well away from 0. */
export function positive(shape: number[], seed: number): Tensor {
  const g = new Generator(seed);
  return rand(shape, { dtype: 'float64', generator: g }).add(0.5);
}

/** Values of `positive(shape, seed)`, each given a random sign. */
export function signedPositive(shape: number[], seed: number): Tensor {
  const g = new Generator(seed);
  const magnitude = rand(shape, { dtype: 'float64', generator: g }).add(0.5);
  const coin = rand(shape, { dtype: 'float64', generator: g });
  const sign = coin.lt(0.5).mul(2).sub(1);
  return magnitude.mul(sign);
}

/** Standard normal float64 values pushed 0.1 further from 0, off a kink. */
export function awayFromZero(shape: number[], seed: number): Tensor {
  const z = normal(shape, seed);
  const moved = Array.from(z.values(), (v) => (v < 0 ? v - 0.1 : v + 0.1));
  return tensor(moved, { dtype: 'float64', shape });
}

/** Multiples of 0.5 in [-2, 1.5] plus noise in [0, 0.1), plus `offset`. */
export function offGrid(shape: number[], seed: number, offset: number): Tensor {
  const g = new Generator(seed);
  const halves = randint(-4, 4, shape, { generator: g }).to('float64').mul(0.5);
  const noise = rand(shape, { dtype: 'float64', generator: g }).mul(0.1);

  // Between offsets 0 and 0.25 every difference is at least 0.15 from 0, so
  // central differences of maximum or minimum never straddle a tie.
  return halves.add(noise).add(offset);
}
