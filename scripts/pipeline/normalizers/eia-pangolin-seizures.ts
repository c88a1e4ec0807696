import type { SourceModule } from '../source-module.ts';

/** Placeholder until the normalizer lands. */
const source: SourceModule = {
  id: 'eia-pangolin-seizures',
  indicators: [],
  normalize() {
    throw new Error('eia-pangolin-seizures: normalizer not written yet');
  },
};
export default source;
