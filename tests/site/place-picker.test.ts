/**
 * The place picker's pure parts (src/picker/): folding and matching, the lists and their order, the limit, and the
 * combobox's states. Expected values are written out by hand for a small list of places.
 */
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/picker/fold.ts';
import { findPlaces } from '../../src/picker/match.ts';
import { groupPlaces } from '../../src/picker/groups.ts';
import { groupOfKind, reportsItself, type Place } from '../../src/picker/place.ts';
import { addPlace, removePlace } from '../../src/picker/selection.ts';
import { absentPlaces } from '../../src/data/picker-places.ts';
import { initialPicker, shownPlaces, step, type PickerContext, type PickerEvent, type PickerState } from '../../src/picker/picker-state.ts';

/** Alphabetical within each list, as the build writes them. */
const PLACES: Place[] = [
  { code: '001', name: 'World', group: 'regions' },
  { code: '014', name: 'Eastern Africa', group: 'regions' },
  { code: 'CIV', name: "Côte d'Ivoire", group: 'countries' },
  { code: 'GNB', name: 'Guinea-Bissau', group: 'countries' },
  { code: 'KEN', name: 'Kenya', group: 'countries' },
  { code: 'SSD', name: 'South Sudan', group: 'countries' },
  { code: 'SDN', name: 'Sudan', group: 'countries' },
  { code: 'TUR', name: 'Türkiye', group: 'countries' },
  { code: 'DEU', name: 'Germany', group: 'absent', absence: 'not-reported' },
  { code: 'ETH', name: 'Ethiopia', group: 'absent', absence: 'no-total' },
];
const codes = (ps: readonly Pick<Place, 'code'>[]) => ps.map((p) => p.code);

describe('folding', () => {
  it.each([
    ["Côte d'Ivoire", 'cote d ivoire'],
    ['Türkiye', 'turkiye'],
    ['Guinea-Bissau', 'guinea bissau'],
    ['  São Tomé and Príncipe ', 'sao tome and principe'],
    ['Færøerne', 'faeroerne'],
    ['Curaçao', 'curacao'],
  ])('%s → %s', (text, folded) => expect(fold(text)).toBe(folded));
});

describe('finding places', () => {
  it('ignores accents and case: "cote" finds Côte d\'Ivoire, "TURK" Türkiye', () => {
    expect(codes(findPlaces(PLACES, 'cote'))).toEqual(['CIV']);
    expect(codes(findPlaces(PLACES, 'TURK'))).toEqual(['TUR']);
    expect(codes(findPlaces(PLACES, "côte d'iv"))).toEqual(['CIV']);
  });

  it('ignores punctuation: "guinea bissau" finds Guinea-Bissau', () => {
    expect(codes(findPlaces(PLACES, 'guinea bissau'))).toEqual(['GNB']);
  });

  it('puts a name that starts with the query before one with a word that does, then a code, then any other', () => {
    expect(codes(findPlaces(PLACES, 'sudan'))).toEqual(['SDN', 'SSD']);
    expect(codes(findPlaces(PLACES, 'africa'))).toEqual(['014']);
    expect(codes(findPlaces(PLACES, 'ken'))).toEqual(['KEN']);
    // "deu" is Germany's code; "ivo" sits inside a word of Côte d'Ivoire only after a space, "ssa" only inside one.
    expect(codes(findPlaces(PLACES, 'deu'))).toEqual(['DEU']);
    expect(codes(findPlaces(PLACES, 'issa'))).toEqual(['GNB']);
    expect(codes(findPlaces(PLACES, 'e'))).toEqual(['014', 'ETH', 'CIV', 'GNB', 'KEN', 'TUR', 'DEU']);
  });

  it('finds everything for an empty query, in the order given, and nothing for an unknown name', () => {
    expect(codes(findPlaces(PLACES, '  '))).toEqual(codes(PLACES));
    expect(findPlaces(PLACES, 'atlantis')).toEqual([]);
  });
});

describe('lists', () => {
  it('sorts kinds of the geo table into lists; unknown aggregate kinds are groupings, never countries', () => {
    expect(['world', 'region', 'subregion', 'intermediate'].map(groupOfKind)).toEqual(['regions', 'regions', 'regions', 'regions']);
    expect(['country', 'territory', 'subnational'].map(groupOfKind)).toEqual(['countries', 'countries', 'countries']);
    expect([' unodc-region', null, undefined].map(groupOfKind)).toEqual(['groupings', 'groupings', 'groupings']);
    expect(['country', 'territory', 'subnational', 'region', 'world'].map(reportsItself)).toEqual([true, true, false, false, false]);
  });

  it('keeps the lists in order (regions, groupings, countries, cannot be drawn), each in the order given', () => {
    const mixed = [PLACES[4]!, PLACES[8]!, PLACES[1]!, { code: 'X1', name: 'UNODC grouping', group: 'groupings' as const }, PLACES[0]!];
    expect(groupPlaces(mixed).map((l) => [l.group, codes(l.places)])).toEqual([
      ['regions', ['014', '001']],
      ['groupings', ['X1']],
      ['countries', ['KEN']],
      ['absent', ['DEU']],
    ]);
    expect(groupPlaces([])).toEqual([]);
  });
});

describe('places that cannot be drawn', () => {
  const kinds: Record<string, string> = { DEU: 'country', ETH: 'country', KEN: 'country', XKX: 'territory', GBR_S: 'subnational', '150': 'region' };
  it('lists every country or territory of the release not offered: "not-reported" without any row, "no-total" with only breakdowns', () => {
    const coverage = [
      { geo: '150', reported: false, has_total: false },
      { geo: 'DEU', reported: false, has_total: false },
      { geo: 'ETH', reported: true, has_total: false },
      { geo: 'GBR_S', reported: false, has_total: false },
      { geo: 'KEN', reported: true, has_total: true },
      { geo: 'XKX', reported: false, has_total: false },
    ];
    expect(absentPlaces(coverage, new Set(['KEN']), (g) => kinds[g])).toEqual([
      { geo: 'DEU', absence: 'not-reported' },
      { geo: 'ETH', absence: 'no-total' },
      { geo: 'XKX', absence: 'not-reported' },
    ]);
  });
});

describe('the limit', () => {
  const kenya = PLACES[4]!;
  it('adds up to the limit, then refuses and says what the limit is', () => {
    expect(addPlace(['SDN'], kenya, 2)).toEqual({ selected: ['SDN', 'KEN'], outcome: { kind: 'added' } });
    expect(addPlace(['SDN', 'SSD'], kenya, 2)).toEqual({ selected: ['SDN', 'SSD'], outcome: { kind: 'full', max: 2 } });
  });

  it('never adds a place twice, nor one that cannot be drawn', () => {
    expect(addPlace(['KEN'], kenya, 8).outcome).toEqual({ kind: 'already' });
    expect(addPlace([], PLACES[8]!, 8)).toEqual({ selected: [], outcome: { kind: 'absent', absence: 'not-reported' } });
    expect(addPlace([], PLACES[9]!, 8).outcome).toEqual({ kind: 'absent', absence: 'no-total' });
  });

  it('removes one place, keeping the order of the others', () => {
    expect(removePlace(['SDN', 'KEN', 'SSD'], 'KEN')).toEqual(['SDN', 'SSD']);
    expect(removePlace(['SDN'], 'KEN')).toEqual(['SDN']);
  });
});

describe('the combobox states', () => {
  const ctx: PickerContext = { places: PLACES, max: 3 };
  /** Runs events from a state; returns every step. */
  const run = (from: PickerState, ...events: PickerEvent[]) => {
    const steps = [];
    let s = from;
    for (const e of events) {
      const r = step(s, e, ctx);
      steps.push(r);
      s = r.state;
    }
    return steps;
  };
  const last = <T>(xs: T[]) => xs[xs.length - 1]!;
  const key = (k: Extract<PickerEvent, { type: 'key' }>['key']): PickerEvent => ({ type: 'key', key: k });

  it('shows the places not yet chosen, found by the query, under their headings', () => {
    expect(codes(shownPlaces({ query: '', selected: ['KEN', '001'] }, PLACES))).toEqual(['014', 'CIV', 'GNB', 'SSD', 'SDN', 'TUR', 'DEU', 'ETH']);
    expect(codes(shownPlaces({ query: 'a', selected: [] }, PLACES))).toEqual(['014', 'GNB', 'KEN', 'SSD', 'SDN', 'DEU', 'ETH']);
  });

  it('typing opens the list with no place active; Down then Enter adds the first place found', () => {
    const [typed, down, enter] = run(initialPicker(['KEN']), { type: 'type', query: 'sud' }, key('ArrowDown'), key('Enter'));
    expect(typed!.state.phase).toEqual({ name: 'open', active: null });
    expect(down!.state.phase).toEqual({ name: 'open', active: 'SDN' });
    expect(enter).toEqual({
      state: { phase: { name: 'closed' }, query: '', selected: ['KEN', 'SDN'] },
      notice: { kind: 'added', code: 'SDN', count: 2, max: 3 },
      changed: true,
      handled: true,
    });
  });

  it('Down and Up wrap; Home and End go to the ends once a place is active, and move the caret before', () => {
    const typed = run(initialPicker([]), { type: 'type', query: 'sudan' })[0]!.state;
    expect(step(typed, key('Home'), ctx)).toMatchObject({ handled: false, state: { phase: { active: null } } });
    const steps = run(typed, key('ArrowUp'), key('ArrowDown'), key('ArrowDown'), key('Home'), key('End'));
    expect(steps.map((s) => (s.state.phase.name === 'open' ? s.state.phase.active : null))).toEqual(['SSD', 'SDN', 'SSD', 'SDN', 'SSD']);
  });

  it('Down on a closed field opens the whole list at its first place', () => {
    expect(step(initialPicker(['001']), key('ArrowDown'), ctx).state.phase).toEqual({ name: 'open', active: '014' });
  });

  it('Escape closes the list, then clears the field, then leaves the key to the page', () => {
    const steps = run(initialPicker([]), { type: 'type', query: 'ken' }, key('Escape'), key('Escape'), key('Escape'));
    expect(steps.slice(1).map((s) => [s.state.phase.name, s.state.query, s.handled])).toEqual([
      ['closed', 'ken', true],
      ['closed', '', true],
      ['closed', '', false],
    ]);
  });

  it('Enter on a closed list is the form\'s (it submits); on an open list with none active it does nothing', () => {
    expect(step(initialPicker(['KEN']), key('Enter'), ctx)).toMatchObject({ handled: false, changed: false });
    const open = run(initialPicker([]), { type: 'type', query: 'k' })[0]!.state;
    expect(step(open, key('Enter'), ctx)).toEqual({ state: open, notice: null, changed: false, handled: true });
  });

  it('at the limit, Enter refuses, keeps the list open and says so', () => {
    const full = initialPicker(['KEN', 'SDN', 'SSD']);
    const r = last(run(full, { type: 'type', query: 'tur' }, key('ArrowDown'), key('Enter')));
    expect(r.changed).toBe(false);
    expect(r.state.selected).toEqual(['KEN', 'SDN', 'SSD']);
    expect(r.state.phase).toEqual({ name: 'open', active: 'TUR' });
    expect(r.notice).toEqual({ kind: 'full', max: 3 });
  });

  it('a place that did not report is found and can be made active, but choosing it says why it cannot be drawn', () => {
    const r = run(initialPicker([]), { type: 'type', query: 'germ' }, key('ArrowDown'), key('Enter'));
    expect(r[1]!.state.phase).toEqual({ name: 'open', active: 'DEU' });
    expect(last(r)).toMatchObject({ changed: false, notice: { kind: 'absent', code: 'DEU', absence: 'not-reported' }, state: { selected: [] } });
    expect(step(initialPicker([]), { type: 'pick', code: 'ETH' }, ctx).notice).toEqual({ kind: 'absent', code: 'ETH', absence: 'no-total' });
  });

  it('a query that finds nothing keeps the list closed and says so', () => {
    expect(step(initialPicker([]), { type: 'type', query: 'atlantis ' }, ctx)).toMatchObject({
      state: { phase: { name: 'closed' }, query: 'atlantis ' },
      notice: { kind: 'no-match', query: 'atlantis' },
    });
  });

  it('Backspace in an empty field removes the last place chosen; with text in the field it only edits it', () => {
    const r = step(initialPicker(['KEN', 'SDN']), key('Backspace'), ctx);
    expect(r).toMatchObject({ changed: true, handled: true, state: { selected: ['KEN'] }, notice: { kind: 'removed', code: 'SDN', count: 1, max: 3 } });
    const typing = { ...initialPicker(['KEN']), query: 'su' };
    expect(step(typing, key('Backspace'), ctx)).toMatchObject({ changed: false, handled: false, state: { selected: ['KEN'] } });
    expect(step(initialPicker([]), key('Backspace'), ctx)).toMatchObject({ changed: false, handled: false });
  });

  it('a chip removes its own place; a pointer pick adds one', () => {
    expect(step(initialPicker(['KEN', 'SDN', 'SSD']), { type: 'remove', code: 'SDN' }, ctx)).toMatchObject({ changed: true, state: { selected: ['KEN', 'SSD'] } });
    expect(step(initialPicker(['KEN']), { type: 'pick', code: 'CIV' }, ctx)).toMatchObject({ changed: true, state: { selected: ['KEN', 'CIV'] } });
  });

  it('shows a view chosen elsewhere without a notice or a change, dropping codes it does not offer', () => {
    expect(step(initialPicker(['KEN']), { type: 'show', selected: ['SDN', 'ZZZ'] }, ctx)).toEqual({
      state: { phase: { name: 'closed' }, query: '', selected: ['SDN'] },
      notice: null,
      changed: false,
      handled: false,
    });
  });
});
