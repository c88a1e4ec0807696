import type { SourceModule } from '../source-module.ts';

/** Placeholder until the normalizer lands. */
const source: SourceModule = {
  id: 'unodc-cts-cyber-offences',
  indicators: [],
  normalize() {
    throw new Error('unodc-cts-cyber-offences: normalizer not written yet');
  },
};
export default source;
