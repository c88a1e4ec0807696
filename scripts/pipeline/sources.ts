import type { SourceModule } from './source-module.ts';
import glotip from './normalizers/unodc-glotip/index.ts';
import iafq from './normalizers/unodc-iafq.ts';
import cts from './normalizers/unodc-cts-cyber-offences.ts';
import iom from './normalizers/iom-missing-migrants/index.ts';
import eia from './normalizers/eia-pangolin-seizures/index.ts';
import cites from './normalizers/cites-trade-manidae.ts';
import rhino from './normalizers/owid-afrsg-rhino-poaching.ts';
import usp from './normalizers/usp-mqdb.ts';
import iddo from './normalizers/iddo-mq-literature-surveyor.ts';

/** Every statistical source the release is built from, one module each (reference tables are built separately). */
export const SOURCE_MODULES: readonly SourceModule[] = [glotip, iafq, cts, iom, eia, cites, rhino, usp, iddo];
