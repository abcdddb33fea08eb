/** Synthetic SSDA903 data: the only data ever committed to Spotlight. */
export { runSynth, parseSynthArgs, validateSynthOptions, SynthArgsError, type SynthCliOptions } from './cli.js';
export {
  generateToDirectory,
  generateFileSet,
  generateInMemory,
  DEFAULT_LAST_YEAR,
  type SynthOptions,
  type SynthResult,
  type InMemoryFileSets,
} from './generate.js';
export { SYNTH_FILES } from './emit.js';
export { placeCodes } from './codes.js';
