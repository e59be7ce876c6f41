import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';

/**
 * How a background job splits its work: a fixed number of rows a batch, or batches sized by time.
 *
 * On SQLite every statement runs on the main thread and holds every request while it runs, so
 * the jobs there size each batch to take about `targetMillis` (10 ms: a batch of 500 held it for
 * 109 ms in the facts job and for 0.3-1.2 s in gallring).
 */
export type BatchSizing =
  | { fixed: number }
  | { targetMillis: number; first: number; min: number; max: number };

/** The sizing that holds the main thread about 10 ms a batch, up to `max` rows. */
export function sizedByTime(max: number): BatchSizing {
  return {
    targetMillis: 10,
    first: Math.min(50, max),
    min: Math.min(5, max),
    max,
  };
}

/**
 * The size of the next batch that should take `targetMs`, from the last one's size and time: in
 * proportion, but at most twice the last (one fast batch proves little) and within the bounds.
 */
export function nextBatchSize(
  lastSize: number,
  lastMs: number,
  targetMs: number,
  bounds: { min: number; max: number },
): number {
  const proportional =
    lastMs > 0 ? Math.floor((lastSize * targetMs) / lastMs) : lastSize * 2;
  return Math.max(bounds.min, Math.min(bounds.max, lastSize * 2, proportional));
}

/**
 * Runs `work` a batch at a time until it says there is no more, giving the event loop a turn
 * between batches so that requests are served meanwhile. `work` is given the batch's size and
 * tells how many rows it handled; only a full batch's time sizes the next (a short one says
 * little of the time a row takes).
 */
export async function workInBatches(
  sizing: BatchSizing,
  work: (size: number) => Promise<{ handled: number; more: boolean }>,
): Promise<void> {
  let size = 'fixed' in sizing ? sizing.fixed : sizing.first;
  for (;;) {
    const started = performance.now();
    const { handled, more } = await work(size);
    if (!more) return;
    if (!('fixed' in sizing) && handled === size) {
      size = nextBatchSize(
        size,
        performance.now() - started,
        sizing.targetMillis,
        sizing,
      );
    }
    await nextTurnOfEventLoop();
  }
}
