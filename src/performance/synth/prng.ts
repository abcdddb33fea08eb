/**
 * Seeded pseudo-random numbers for the synthetic generator. Never Math.random: the same seed must give
 * byte-identical files on every machine. mulberry32 is small, fast and good enough for test data; each
 * child gets its own stream (seed mixed with the child's index), so a child's history does not depend on
 * how many children come before it.
 */

/** splitmix32-style finaliser: spreads a 32-bit input over all 32 bits. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A 32-bit seed for stream `index` of master seed `seed`. */
export function streamSeed(seed: number, index: number): number {
  return mix32(mix32(seed >>> 0) ^ mix32((index + 0x632be5ab) | 0));
}

interface Table {
  keys: string[];
  cum: number[];
  total: number;
}

const compiled = new WeakMap<object, Table>();

function compile(weights: { readonly [k: string]: number | undefined }): Table {
  const keys: string[] = [];
  const cum: number[] = [];
  let total = 0;
  for (const k of Object.keys(weights)) {
    const w = weights[k] ?? 0;
    if (w <= 0) continue;
    total += w;
    keys.push(k);
    cum.push(total);
  }
  if (keys.length === 0) throw new Error('weighted: no positive weight');
  return { keys, cum, total };
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks a key of `weights` with probability proportional to its weight (tables compiled once). */
  weighted<K extends string>(weights: { readonly [P in K]?: number }): K {
    let table = compiled.get(weights);
    if (!table) {
      table = compile(weights);
      compiled.set(weights, table);
    }
    const r = this.next() * table.total;
    const { keys, cum } = table;
    for (let i = 0; i < cum.length; i++) if (r < cum[i]) return keys[i] as K;
    return keys[keys.length - 1] as K;
  }

  /** Exponentially distributed with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Roughly normal (sum of three uniforms), mean 0, standard deviation 1. */
  normal(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }
}
