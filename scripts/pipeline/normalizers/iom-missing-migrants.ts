import type { SourceModule } from '../source-module.ts';

/** Placeholder until the normalizer lands. */
const source: SourceModule = {
  id: 'iom-missing-migrants',
  indicators: [],
  normalize() {
    throw new Error('iom-missing-migrants: normalizer not written yet');
  },
};
export default source;
