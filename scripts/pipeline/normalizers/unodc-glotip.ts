import type { SourceModule } from '../source-module.ts';

/** Placeholder until the normalizer lands. */
const source: SourceModule = {
  id: 'unodc-glotip',
  indicators: [],
  normalize() {
    throw new Error('unodc-glotip: normalizer not written yet');
  },
};
export default source;
