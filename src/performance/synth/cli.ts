/**
 * `spotlight synth --children N --years K --seed S --out DIR [--last-year Y]`.
 * The `spotlight` command itself is wired elsewhere: it calls runSynth with its argv (after the
 * sub-command) or with already-parsed options.
 */
import { z } from 'zod';
import { DEFAULT_LAST_YEAR, generateToDirectory } from './generate.js';

export interface SynthCliOptions {
  children: number;
  years: number;
  seed: number;
  out: string;
  lastYear?: number;
}

/** A bad command line: the message names the flag and says what is wrong. */
export class SynthArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthArgsError';
  }
}

const FLAGS = {
  '--children': 'children',
  '--years': 'years',
  '--seed': 'seed',
  '--out': 'out',
  '--last-year': 'lastYear',
} as const;

type Key = (typeof FLAGS)[keyof typeof FLAGS];
const FLAG_OF: Record<Key, string> = Object.fromEntries(Object.entries(FLAGS).map(([f, k]) => [k, f])) as Record<Key, string>;

const whole = (min: number, max: number, what: string) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? 'is required' : `must be ${what}`) })
    .int({ error: `must be ${what}` })
    .min(min, { error: `must be ${what}` })
    .max(max, { error: `must be ${what}` });

export const synthOptionsSchema = z
  .object({
    children: whole(1, 9_999_999, 'a whole number from 1 to 9999999'),
    years: whole(1, 30, 'a whole number from 1 to 30'),
    seed: whole(0, 4_294_967_295, 'a whole number from 0 to 4294967295'),
    out: z
      .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a directory path') })
      .min(1, { error: 'must be a directory path' }),
    lastYear: whole(2000, 2100, 'a year from 2000 to 2100 (the year ending 31 March)').optional(),
  })
  .strict();

function fail(error: z.ZodError): never {
  const lines = error.issues.map((iss) => {
    if (iss.code === 'unrecognized_keys') return iss.keys.map((k) => `${k}: unknown option`).join('; ');
    const key = String(iss.path[0] ?? '');
    const flag = FLAG_OF[key as Key] ?? key;
    return `${flag} ${iss.message}`;
  });
  throw new SynthArgsError(`spotlight synth: ${lines.join('; ')}`);
}

/** Parses the sub-command's arguments (`--flag value` or `--flag=value`). */
export function parseSynthArgs(argv: readonly string[]): SynthCliOptions {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(flag in FLAGS)) {
      throw new SynthArgsError(`spotlight synth: ${flag} is not an option (use --children, --years, --seed, --out, --last-year)`);
    }
    const key = FLAGS[flag as keyof typeof FLAGS];
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (value === undefined) throw new SynthArgsError(`spotlight synth: ${flag} needs a value`);
    if (key in raw) throw new SynthArgsError(`spotlight synth: ${flag} is given twice`);
    raw[key] = key === 'out' ? value : /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return validateSynthOptions(raw);
}

export function validateSynthOptions(input: unknown): SynthCliOptions {
  const parsed = synthOptionsSchema.safeParse(input);
  if (!parsed.success) fail(parsed.error);
  return parsed.data;
}

/**
 * Generates the synthetic returns. Takes the argument list or the options; resolves with the files
 * written and the number of Episodes rows (summed over the years). Rejects with SynthArgsError for bad
 * arguments.
 */
export async function runSynth(input: readonly string[] | SynthCliOptions): Promise<{ files: string[]; episodes: number }> {
  const options = Array.isArray(input) ? parseSynthArgs(input as readonly string[]) : validateSynthOptions(input);
  const result = await generateToDirectory(
    { children: options.children, years: options.years, seed: options.seed, lastYear: options.lastYear ?? DEFAULT_LAST_YEAR },
    options.out,
  );
  return { files: result.files, episodes: result.episodes };
}
