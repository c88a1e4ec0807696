/**
 * The place picker's states and the only ways between them (the WAI-ARIA APG combobox with a listbox popup, list
 * autocomplete with manual selection). No DOM: the browser side (src/client/place-picker.ts) turns key presses,
 * typing and clicks into events, shows the state, and says the notice in its live region.
 *
 *   closed ──type / ArrowDown / ArrowUp / open──▶ open(active: none | a shown place)
 *     ▲                                            │ ArrowDown/Up (wrapping), Home/End (when a place is active)
 *     └──── Escape / close / Enter or pick adds ───┘ Enter or pick on a place that cannot be added: stays, says why
 *
 * In either state, Backspace in an empty field removes the last chosen place, and a chip's button removes its own.
 */
import { findPlaces } from './match.ts';
import { groupPlaces } from './groups.ts';
import type { Absence, Place } from './place.ts';
import { addPlace, removePlace } from './selection.ts';

export type PickerPhase = { name: 'closed' } | { name: 'open'; active: string | null };

export interface PickerState {
  phase: PickerPhase;
  query: string;
  /** Codes of the chosen places, in the order they were chosen. */
  selected: readonly string[];
}

export type PickerKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'Enter' | 'Escape' | 'Backspace';

export type PickerEvent =
  | { type: 'type'; query: string }
  | { type: 'key'; key: PickerKey }
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'pick'; code: string }
  | { type: 'remove'; code: string }
  /** The view changed elsewhere (a permalink, a cancelled load): show its places, say nothing. */
  | { type: 'show'; selected: readonly string[] };

/** What the live region says after an event. */
export type PickerNotice =
  | { kind: 'added' | 'removed'; code: string; count: number; max: number }
  | { kind: 'full'; max: number }
  | { kind: 'absent'; code: string; absence: Absence }
  | { kind: 'no-match'; query: string };

export interface PickerStep {
  state: PickerState;
  notice: PickerNotice | null;
  /** The chosen places changed: the chart must be asked for them. */
  changed: boolean;
  /** The event was the picker's: the key's default action (moving the caret, submitting the form) must not run. */
  handled: boolean;
}

export interface PickerContext {
  places: readonly Place[];
  max: number;
}

export const initialPicker = (selected: readonly string[]): PickerState => ({ phase: { name: 'closed' }, query: '', selected: [...selected] });

/** The places the open list shows, in the order shown: not yet chosen, found by the query, under their headings. */
export function shownPlaces(state: Pick<PickerState, 'query' | 'selected'>, places: readonly Place[]): Place[] {
  const found = findPlaces(places.filter((p) => !state.selected.includes(p.code)), state.query);
  return groupPlaces(found).flatMap((l) => l.places);
}

const quiet = (state: PickerState, handled = true): PickerStep => ({ state, notice: null, changed: false, handled });

/** The place `offset` away from the active one, wrapping at both ends; from none, the first (or the last). */
function moved(shown: readonly Place[], active: string | null, offset: 1 | -1): string | null {
  if (shown.length === 0) return null;
  const at = shown.findIndex((p) => p.code === active);
  if (at < 0) return (offset === 1 ? shown[0] : shown[shown.length - 1])!.code;
  return shown[(at + offset + shown.length) % shown.length]!.code;
}

/** Opens the list; a query that finds nothing keeps it closed and says so. */
function open(state: PickerState, shown: readonly Place[], active: string | null): PickerStep {
  if (shown.length === 0) {
    const notice: PickerNotice | null = state.query.trim() ? { kind: 'no-match', query: state.query.trim() } : null;
    return { state: { ...state, phase: { name: 'closed' } }, notice, changed: false, handled: true };
  }
  return quiet({ ...state, phase: { name: 'open', active } });
}

function choose(state: PickerState, code: string, ctx: PickerContext): PickerStep {
  const place = ctx.places.find((p) => p.code === code);
  if (!place) return quiet(state);
  const { selected, outcome } = addPlace(state.selected, place, ctx.max);
  switch (outcome.kind) {
    case 'added':
      return { state: { phase: { name: 'closed' }, query: '', selected }, notice: { kind: 'added', code, count: selected.length, max: ctx.max }, changed: true, handled: true };
    case 'already':
      return quiet({ ...state, phase: { name: 'closed' }, query: '' });
    case 'full':
      return { state, notice: { kind: 'full', max: outcome.max }, changed: false, handled: true };
    case 'absent':
      return { state, notice: { kind: 'absent', code, absence: outcome.absence }, changed: false, handled: true };
  }
}

function remove(state: PickerState, code: string, ctx: PickerContext): PickerStep {
  if (!state.selected.includes(code)) return quiet(state);
  const selected = removePlace(state.selected, code);
  return { state: { ...state, selected }, notice: { kind: 'removed', code, count: selected.length, max: ctx.max }, changed: true, handled: true };
}

function onKey(state: PickerState, key: PickerKey, ctx: PickerContext): PickerStep {
  const shown = shownPlaces(state, ctx.places);
  const active = state.phase.name === 'open' ? state.phase.active : null;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      const offset = key === 'ArrowDown' ? 1 : -1;
      return open(state, shown, moved(shown, active, offset));
    }
    case 'Home':
    case 'End':
      // With no place active these keys move the caret in the field, as in any text field.
      if (active === null || shown.length === 0) return quiet(state, false);
      return quiet({ ...state, phase: { name: 'open', active: (key === 'Home' ? shown[0] : shown[shown.length - 1])!.code } });
    case 'Enter':
      if (state.phase.name === 'closed') return quiet(state, false); // the form's own Enter: submit
      return active === null ? quiet(state) : choose(state, active, ctx);
    case 'Escape':
      if (state.phase.name === 'open') return quiet({ ...state, phase: { name: 'closed' } });
      return state.query ? quiet({ ...state, query: '' }) : quiet(state, false);
    case 'Backspace': {
      const last = state.selected[state.selected.length - 1];
      if (state.query !== '' || last === undefined) return quiet(state, false);
      return remove(state, last, ctx);
    }
  }
}

export function step(state: PickerState, event: PickerEvent, ctx: PickerContext): PickerStep {
  switch (event.type) {
    case 'type': {
      const next = { ...state, query: event.query };
      return open(next, shownPlaces(next, ctx.places), null);
    }
    case 'key':
      return onKey(state, event.key, ctx);
    case 'open':
      return state.phase.name === 'open' ? quiet(state) : open(state, shownPlaces(state, ctx.places), null);
    case 'close':
      return quiet({ ...state, phase: { name: 'closed' } });
    case 'pick':
      return choose(state, event.code, ctx);
    case 'remove':
      return remove(state, event.code, ctx);
    case 'show': {
      const known = event.selected.filter((c) => ctx.places.some((p) => p.code === c));
      return quiet({ phase: { name: 'closed' }, query: state.query, selected: known }, false);
    }
  }
}
