import type { SourceModule } from '../source-module.ts';

/** Placeholder until the normalizer lands. */
const source: SourceModule = {
  id: 'unodc-iafq',
  indicators: [],
  normalize() {
    throw new Error('unodc-iafq: normalizer not written yet');
  },
};
export default source;
