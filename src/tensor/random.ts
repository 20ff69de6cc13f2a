/**
 * A seedable source of random numbers: mulberry32, a 32-bit generator that
 * is fast, small and gives the same stream on every JavaScript engine for
 * the same seed. Not for cryptography.
 */
export class Generator {
  private state: number;
  private spareNormal: number | null = null;

  constructor(seed = 0) {
    this.state = seed | 0;
  }

  /** Restarts the stream from `seed`. */
  manualSeed(seed: number): this {
    this.state = seed | 0;
    this.spareNormal = null;
    return this;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  /** A standard normal number (Box–Muller, both values used in turn). */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    // 1 - next() lies in (0, 1], so the log is finite.
    const r = Math.sqrt(-2 * Math.log(1 - this.next()));
    const theta = 2 * Math.PI * this.next();
    this.spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** A whole number in [low, high). */
  integer(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low));
  }
}

/** The generator used when none is passed. */
export const defaultGenerator = new Generator(0);

/** Reseeds the default generator, so later random calls repeat. */
export function manualSeed(seed: number): void {
  defaultGenerator.manualSeed(seed);
}
