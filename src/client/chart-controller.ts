/**
 * One controller per redrawable chart: it holds the chart's phase (chart-phase.ts), starts a load when a view is
 * asked for, lets a newer request win over an older one, and cancels or retries on demand. It knows nothing of the
 * DOM or of the engine: `load` reads and prepares a view, `paint` puts it on the page, `render` shows a phase.
 */
import { initialPhase, nextPhase, sameView, type Phase, type PhaseEvent, type View } from './chart-phase.ts';
import type { Progress } from './series-source.ts';

export interface LoadIo {
  signal: AbortSignal;
  progress: Progress;
}

export interface ControllerDeps<R> {
  /** The view the build drew. */
  initial: View;
  /** The build drew it from another release than the one the page asks for: no view is on screen yet. */
  otherRelease?: boolean;
  /** Reads and prepares `view` (no DOM); rejects with why it could not. */
  load(view: View, io: LoadIo): Promise<R>;
  /** Puts a loaded view on the page; called only for the view still wanted. */
  paint(result: R, view: View): void;
  /** Shows a phase (called on every change, after `paint` for a drawn view). */
  render(phase: Phase, previous: Phase): void;
  /** Progress of the load in flight. */
  progress?: Progress;
}

export interface ChartController {
  readonly phase: Phase;
  /** Asks for a view: loads it, unless it is the view shown or the one already loading. */
  request(view: View): void;
  /** Asks again for the view that failed. */
  retry(): void;
  /** Stops waiting for the view asked for; the chart keeps (and says) what it shows. */
  cancel(): void;
}

export function chartController<R>(deps: ControllerDeps<R>): ChartController {
  let phase = initialPhase(deps.initial, deps.otherRelease);
  /** The load whose result is still wanted; an older one finishing later is ignored. */
  let inflight: { view: View; abort: AbortController } | null = null;

  function apply(e: PhaseEvent) {
    const previous = phase;
    phase = nextPhase(phase, e);
    if (phase !== previous) deps.render(phase, previous);
  }

  function start(view: View) {
    const mine = { view, abort: new AbortController() };
    inflight = mine;
    const progress: Progress = (stage, loaded, total) => {
      if (inflight === mine) deps.progress?.(stage, loaded, total);
    };
    deps.load(view, { signal: mine.abort.signal, progress }).then(
      (result) => {
        if (inflight !== mine) return;
        inflight = null;
        deps.paint(result, view);
        apply({ type: 'loaded', view });
      },
      (error: unknown) => {
        if (inflight !== mine) return;
        inflight = null;
        apply({ type: 'failed', view, error });
      },
    );
  }

  function request(view: View) {
    const before = phase;
    apply({ type: 'request', view });
    if (phase.name !== 'loading') inflight = null; // nothing is wanted from a load still running
    // A newer request supersedes a load without aborting it: the engine it may be starting serves the next one too.
    else if (before.name !== 'loading' || !sameView(before.wanted, phase.wanted)) start(phase.wanted);
  }

  return {
    get phase() {
      return phase;
    },
    request,
    retry() {
      if (phase.name === 'failed') request(phase.wanted);
    },
    cancel() {
      inflight?.abort.abort();
      inflight = null;
      apply({ type: 'cancel' });
    },
  };
}
