// Shared timing for the benchmarks: run a function repeatedly for at
// least `minSeconds`, report the median time per call.

/** Median seconds per call of `fn` over repetitions filling `minSeconds`. */
export function timeIt(fn: () => void, minSeconds = 1): number {
  fn(); // warm up: compile, allocate pools
  const times: number[] = [];
  const start = performance.now();
  while ((performance.now() - start) / 1000 < minSeconds || times.length < 5) {
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A table printed with aligned columns. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => r[i]!.length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
