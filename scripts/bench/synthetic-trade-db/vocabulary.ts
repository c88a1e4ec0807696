/**
 * What synthetic Trade Database records are made of: real CITES taxa, the terms and units they are traded in, and
 * codes in plausible proportions. The frequencies are rough shapes of the real database (reptile skins, live birds,
 * corals, orchids, timber and caviar dominate; most trade is commercial and wild or captive-bred; about 2% of records
 * carry source I), not its statistics.
 */
import { Weighted } from './random.ts';

/** Quantities are counts (specimens, pairs, cartons…) or measures with decimals (kg, m3…). */
export type Measure = 'count' | 'mass' | 'grams' | 'volume' | 'length';

export interface Item {
  term: string;
  /** '' = a blank unit (number of specimens). */
  unit: string;
  measure: Measure;
}

export interface Taxon {
  taxon: string;
  className: string;
  order: string;
  family: string;
  genus: string;
  appendix: string;
  plant: boolean;
  items: Weighted<Item>;
}

const item = (term: string, unit = '', measure: Measure = 'count'): Item => ({ term, unit, measure });
const kg = (term: string) => item(term, 'kg', 'mass');

function taxon(name: string, cls: string, order: string, family: string, genus: string, appendix: string, items: [Item, number][], plant = false): Taxon {
  return { taxon: name, className: cls, order, family, genus, appendix, plant, items: new Weighted(items) };
}

const REPTILE_PRODUCTS: [Item, number][] = [
  [item('skins'), 40], [item('leather products (small)'), 25], [item('leather products (large)'), 5], [item('skin pieces'), 6],
  [item('shoes', 'pairs'), 6], [item('live'), 8], [item('meat', 'kg', 'mass'), 3], [item('skins', 'sides'), 2], [item('watch straps'), 5],
];

/** Taxa with their weight in the record count. Plants have no class in the Trade Database (the column is blank). */
export const TAXA = new Weighted<Taxon>([
  [taxon('Crocodylus niloticus', 'Reptilia', 'Crocodylia', 'Crocodylidae', 'Crocodylus', 'II', REPTILE_PRODUCTS), 9],
  [taxon('Alligator mississippiensis', 'Reptilia', 'Crocodylia', 'Alligatoridae', 'Alligator', 'II', REPTILE_PRODUCTS), 12],
  [taxon('Caiman crocodilus fuscus', 'Reptilia', 'Crocodylia', 'Alligatoridae', 'Caiman', 'II', REPTILE_PRODUCTS), 5],
  [taxon('Python reticulatus', 'Reptilia', 'Serpentes', 'Pythonidae', 'Python', 'II', REPTILE_PRODUCTS), 7],
  [taxon('Varanus salvator', 'Reptilia', 'Sauria', 'Varanidae', 'Varanus', 'II', REPTILE_PRODUCTS), 5],
  [taxon('Tupinambis merianae', 'Reptilia', 'Sauria', 'Teiidae', 'Tupinambis', 'II', REPTILE_PRODUCTS), 2],
  [taxon('Testudo hermanni', 'Reptilia', 'Testudines', 'Testudinidae', 'Testudo', 'II', [[item('live'), 95], [item('bodies'), 5]]), 2],
  [taxon('Chamaeleo calyptratus', 'Reptilia', 'Sauria', 'Chamaeleonidae', 'Chamaeleo', 'II', [[item('live'), 1]]), 1],
  [taxon('Psittacus erithacus', 'Aves', 'Psittaciformes', 'Psittacidae', 'Psittacus', 'I', [[item('live'), 90], [item('feathers'), 5], [item('eggs (live)'), 5]]), 3],
  [taxon('Agapornis roseicollis', 'Aves', 'Psittaciformes', 'Psittaculidae', 'Agapornis', 'II', [[item('live'), 1]]), 3],
  [taxon('Falco cherrug', 'Aves', 'Falconiformes', 'Falconidae', 'Falco', 'II', [[item('live'), 80], [item('specimens'), 20]]), 1],
  [taxon('Macaca fascicularis', 'Mammalia', 'Primates', 'Cercopithecidae', 'Macaca', 'II', [[item('live'), 60], [item('specimens'), 35], [item('specimens', 'ml', 'length'), 5]]), 4],
  [taxon('Ursus americanus', 'Mammalia', 'Carnivora', 'Ursidae', 'Ursus', 'II', [[item('trophies'), 50], [item('skins'), 30], [item('claws'), 10], [item('skulls'), 10]]), 2],
  [taxon('Panthera leo', 'Mammalia', 'Carnivora', 'Felidae', 'Panthera', 'II', [[item('trophies'), 50], [item('bones', 'kg', 'mass'), 10], [item('skins'), 20], [item('live'), 20]]), 1],
  [taxon('Loxodonta africana', 'Mammalia', 'Proboscidea', 'Elephantidae', 'Loxodonta', 'I', [[item('ivory carvings'), 60], [item('tusks'), 20], [kg('ivory pieces'), 10], [item('trophies'), 10]]), 2],
  [taxon('Vicugna vicugna', 'Mammalia', 'Artiodactyla', 'Camelidae', 'Vicugna', 'II', [[item('cloth', 'm', 'length'), 50], [kg('hair'), 30], [item('garments'), 20]]), 1],
  [taxon('Manis javanica', 'Mammalia', 'Pholidota', 'Manidae', 'Manis', 'I', [[kg('scales'), 50], [item('skins'), 30], [item('derivatives'), 20]]), 0.3],
  [taxon('Acipenser gueldenstaedtii', 'Actinopteri', 'Acipenseriformes', 'Acipenseridae', 'Acipenser', 'II', [[kg('caviar'), 85], [item('live'), 10], [kg('meat'), 5]]), 3],
  [taxon('Hippocampus kuda', 'Actinopteri', 'Syngnathiformes', 'Syngnathidae', 'Hippocampus', 'II', [[item('live'), 60], [kg('bodies'), 40]]), 1],
  [taxon('Strombus gigas', 'Gastropoda', 'Mesogastropoda', 'Strombidae', 'Strombus', 'II', [[kg('meat'), 70], [item('shells'), 30]]), 2],
  [taxon('Tridacna derasa', 'Bivalvia', 'Veneroida', 'Tridacnidae', 'Tridacna', 'II', [[item('live'), 70], [item('shells'), 30]]), 2],
  [taxon('Scleractinia spp.', 'Anthozoa', 'Scleractinia', '', '', 'II', [[item('live'), 60], [kg('raw corals'), 25], [item('raw corals'), 15]]), 8],
  [taxon('Euphyllia divisa', 'Anthozoa', 'Scleractinia', 'Euphylliidae', 'Euphyllia', 'II', [[item('live'), 1]]), 2],
  [taxon('Orchidaceae spp.', '', 'Orchidales', 'Orchidaceae', '', 'II', [[item('live'), 80], [item('flowers'), 10], [kg('roots'), 10]], true), 8],
  [taxon('Phalaenopsis hybrid', '', 'Orchidales', 'Orchidaceae', 'Phalaenopsis', 'II', [[item('live'), 1]], true), 4],
  [taxon('Cactaceae spp.', '', 'Caryophyllales', 'Cactaceae', '', 'II', [[item('live'), 90], [item('stems'), 10]], true), 4],
  [taxon('Galanthus woronowii', '', 'Liliales', 'Amaryllidaceae', 'Galanthus', 'II', [[item('live'), 1]], true), 1],
  [taxon('Aquilaria malaccensis', '', 'Myrtales', 'Thymelaeaceae', 'Aquilaria', 'II', [[kg('chips'), 50], [kg('extract'), 20], [item('extract', 'ml', 'length'), 10], [kg('powder'), 20]], true), 2],
  [taxon('Swietenia macrophylla', '', 'Sapindales', 'Meliaceae', 'Swietenia', 'II', [[item('sawn wood', 'm3', 'volume'), 70], [item('timber', 'm3', 'volume'), 20], [item('veneer', 'm2', 'volume'), 10]], true), 2],
  [taxon('Pericopsis elata', '', 'Fabales', 'Leguminosae', 'Pericopsis', 'II', [[item('sawn wood', 'm3', 'volume'), 80], [item('logs', 'm3', 'volume'), 20]], true), 1],
  [taxon('Prunus africana', '', 'Rosales', 'Rosaceae', 'Prunus', 'II', [[kg('bark'), 70], [kg('extract'), 30]], true), 1],
  [taxon('Panax quinquefolius', '', 'Apiales', 'Araliaceae', 'Panax', 'II', [[kg('roots'), 90], [item('roots', 'g', 'grams'), 10]], true), 2],
  [taxon('Dalbergia nigra', '', 'Fabales', 'Leguminosae', 'Dalbergia', 'I', [[item('carvings'), 50], [item('musical instruments'), 50]], true), 0.5],
  [taxon('Cyathea spp.', '', 'Cyatheales', 'Cyatheaceae', 'Cyathea', 'II', [[item('live'), 50], [item('stems'), 50]], true), 0.5],
]);

/** Parties that dominate the database, most active first; the remaining codes follow in a seeded order. */
export const BIG_TRADERS = ['US', 'DE', 'JP', 'FR', 'IT', 'CN', 'HK', 'GB', 'CH', 'SG', 'ID', 'ES', 'NL', 'MY', 'TH', 'ZA', 'MX', 'CA', 'KR', 'BE'];

/** CITES purpose codes and how often they occur (blank = not reported). */
export const PURPOSES = new Weighted<string>([
  ['T', 72], ['P', 6], ['S', 5], ['H', 3], ['Z', 2], ['', 6], ['E', 1], ['B', 1.5], ['L', 1], ['Q', 0.5], ['M', 1.2], ['G', 0.5], ['N', 0.3],
]);

/** Source codes of records that are not source I (that share is set apart, see generate.ts). */
export const ANIMAL_SOURCES = new Weighted<string>([
  ['W', 38], ['C', 30], ['', 15], ['F', 6], ['R', 5], ['D', 2], ['O', 2], ['U', 1], ['X', 0.5], ['Y', 0.5],
]);
export const PLANT_SOURCES = new Weighted<string>([['A', 55], ['W', 25], ['', 15], ['D', 3], ['U', 1], ['O', 1]]);
