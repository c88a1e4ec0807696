import type { SourceModule } from '../source-module.ts';

/** Placeholder until the normalizer lands. */
const source: SourceModule = {
  id: 'iddo-mq-literature-surveyor',
  indicators: [],
  normalize() {
    throw new Error('iddo-mq-literature-surveyor: normalizer not written yet');
  },
};
export default source;
