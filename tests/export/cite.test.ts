import { describe, expect, it } from 'vitest';
import { apaCitation, bibtexCitation, bibtexEscape, bibtexKey, plainCitation, plainCitationUndated, type CiteInput } from '../../src/export/cite.ts';

const ONE: CiteInput = {
  id: 'tip_victims_detected/trend-figure',
  title: 'Detected victims of trafficking in persons',
  sources: [{ publisher: 'United Nations Office on Drugs and Crime (UNODC)', title: 'Trafficking in Persons', released: '2023-05-30' }],
  observatory: 'Crime Trends Observatory',
  version: '8de0ceeb623b',
  permalink: 'https://cto.example/indicator/tip/?geo=KEN%2CNGA&v=8de0ceeb623b',
  accessed: '2025-01-05',
};

// A publisher with "&", a title with braces and a percent sign, and no release date.
const TWO: CiteInput = {
  id: 'release',
  title: 'Share {raw} of 50% seized',
  sources: [
    { publisher: 'IUCN SSC & TRAFFIC', title: 'Rhino poaching', released: '2019-08-16' },
    { publisher: 'Our World in Data', title: 'Rhino data_set', released: null },
  ],
  observatory: 'Crime Trends Observatory',
  version: 'abc123',
  permalink: 'https://cto.example/data/',
  accessed: '2024-12-31',
};

describe('plain citation', () => {
  it('names the publisher first, then the observatory, version, permalink and access date', () => {
    expect(plainCitation(ONE)).toBe(
      'United Nations Office on Drugs and Crime (UNODC): Trafficking in Persons (2023). “Detected victims of trafficking in persons”, in: Crime Trends Observatory, data release 8de0ceeb623b. https://cto.example/indicator/tip/?geo=KEN%2CNGA&v=8de0ceeb623b (accessed 5 January 2025).',
    );
  });
  it('says in words when the day accessed is the day a page is printed (a handout printed without a script)', () => {
    const { accessed: _, ...undated } = ONE;
    expect(plainCitationUndated({ ...undated, permalink: '/country/KEN/' }, 'on the date of printing')).toBe(
      'United Nations Office on Drugs and Crime (UNODC): Trafficking in Persons (2023). “Detected victims of trafficking in persons”, in: Crime Trends Observatory, data release 8de0ceeb623b. /country/KEN/ (accessed on the date of printing).',
    );
  });
  it('lists several sources in order, leaving out an unknown year', () => {
    expect(plainCitation(TWO)).toBe(
      'IUCN SSC & TRAFFIC: Rhino poaching (2019); Our World in Data: Rhino data_set. “Share {raw} of 50% seized”, in: Crime Trends Observatory, data release abc123. https://cto.example/data/ (accessed 31 December 2024).',
    );
  });
});

describe('APA 7', () => {
  it('cites the original data set, then the observatory with version and retrieval date', () => {
    expect(apaCitation(ONE)).toBe(
      'United Nations Office on Drugs and Crime (UNODC). (2023). Trafficking in Persons [Data set]. Crime Trends Observatory. (2025). Detected victims of trafficking in persons (Version 8de0ceeb623b) [Data set]. Retrieved January 5, 2025, from https://cto.example/indicator/tip/?geo=KEN%2CNGA&v=8de0ceeb623b',
    );
  });
  it('writes n.d. for a source without a date, and keeps & as text', () => {
    expect(apaCitation(TWO)).toBe(
      'IUCN SSC & TRAFFIC. (2019). Rhino poaching [Data set]. Our World in Data. (n.d.). Rhino data_set [Data set]. Crime Trends Observatory. (2024). Share {raw} of 50% seized (Version abc123) [Data set]. Retrieved December 31, 2024, from https://cto.example/data/',
    );
  });
  it('refuses an access date that is not YYYY-MM-DD', () => {
    expect(() => apaCitation({ ...ONE, accessed: '5/1/2025' })).toThrow(/YYYY-MM-DD.*5\/1\/2025/);
  });
});

describe('BibTeX', () => {
  it('escapes LaTeX specials in one pass', () => {
    expect(bibtexEscape('A & B {x} 50% $1 #2 a_b ~ ^ \\')).toBe('A \\& B \\{x\\} 50\\% \\$1 \\#2 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  });
  it('makes keys of ASCII letters, digits, _ - and :', () => {
    expect(bibtexKey(ONE)).toBe('cto:tip_victims_detected_trend-figure:8de0ceeb623b');
    expect(bibtexKey({ id: 'Côte d’Ivoire', version: 'v1' })).toBe('cto:Co_te_d_Ivoire:v1');
  });
  it('writes an @misc entry with corporate authors in braces, the observatory last', () => {
    expect(bibtexCitation(TWO)).toBe(
      [
        '@misc{cto:release:abc123,',
        '  author = {{IUCN SSC \\& TRAFFIC} and {Our World in Data} and {Crime Trends Observatory}},',
        '  title = {{Share \\{raw\\} of 50\\% seized}},',
        '  year = {2024},',
        '  version = {abc123},',
        '  howpublished = {\\url{https://cto.example/data/}},',
        '  url = {https://cto.example/data/},',
        '  urldate = {2024-12-31},',
        '  note = {Data release abc123. Original data: IUCN SSC \\& TRAFFIC: Rhino poaching; Our World in Data: Rhino data\\_set.}',
        '}',
        '',
      ].join('\n'),
    );
  });
  it('escapes % in the classic \\url and keeps the url field verbatim', () => {
    const out = bibtexCitation(ONE);
    expect(out).toContain('  howpublished = {\\url{https://cto.example/indicator/tip/?geo=KEN\\%2CNGA&v=8de0ceeb623b}},\n');
    expect(out).toContain('  url = {https://cto.example/indicator/tip/?geo=KEN%2CNGA&v=8de0ceeb623b},\n');
    expect(out.split('\n')[1]).toBe('  author = {{United Nations Office on Drugs and Crime (UNODC)} and {Crime Trends Observatory}},');
  });
});
