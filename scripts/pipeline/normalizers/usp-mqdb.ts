import type { SourceModule } from '../source-module.ts';

/** Placeholder until the normalizer lands. */
const source: SourceModule = {
  id: 'usp-mqdb',
  indicators: [],
  normalize() {
    throw new Error('usp-mqdb: normalizer not written yet');
  },
};
export default source;
