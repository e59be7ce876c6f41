import { performance } from 'node:perf_hooks';
import {
  setImmediate as nextTurnOfEventLoop,
  setTimeout as sleep,
} from 'node:timers/promises';

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

/** How long a job sized by time first leaves the event loop to other work after a batch. */
export const GIVE_WAY_MILLIS = 1;

/**
 * How much longer a job sized by time waits after a batch that took `batchMillis`, given how busy
 * other work kept the event loop (its utilization, 0 to 1) while the job first gave way: as long
 * as the batch took when other work was busy more than half of that time, so that it gets at
 * least half of the main thread; none when the event loop was mostly idle.
 */
export function pauseAfterBatch(
  batchMillis: number,
  otherWorkUtilization: number,
): number {
  return otherWorkUtilization > 0.5 ? batchMillis : 0;
}

/**
 * Leaves the event loop to other work after a batch of a job sized by time (SQLite, where the
 * batch held the main thread). One turn of the event loop is not enough: a request takes several
 * (it is read, its token is verified off the main thread, its write waits for the group commit),
 * and each turn waited for a whole batch, so a gallring run held registrations to 296 req/s at a
 * p99 of 209 ms. A timer lets the event loop turn as often as other work asks until it fires.
 */
async function giveWay(batchMillis: number): Promise<void> {
  const before = performance.eventLoopUtilization();
  await sleep(GIVE_WAY_MILLIS);
  const pause = pauseAfterBatch(
    batchMillis,
    performance.eventLoopUtilization(before).utilization,
  );
  if (pause > 0) await sleep(pause);
}

/**
 * Runs `work` a batch at a time until it says there is no more, leaving the event loop to other
 * work between batches so that requests are served meanwhile: a turn of it after a batch of a
 * fixed size (its queries wait for the database off the main thread), and more after a batch
 * sized by time (see giveWay). `work` is given the batch's size and tells how many rows it
 * handled; only a full batch's time sizes the next (a short one says little of the time a row
 * takes). `betweenBatches`, when given, is waited for after each batch but the last: on an SQLite
 * file, the checkpointer catching up (see SqliteCheckpointer.catchUp).
 */
export async function workInBatches(
  sizing: BatchSizing,
  work: (size: number) => Promise<{ handled: number; more: boolean }>,
  betweenBatches?: () => Promise<void>,
): Promise<void> {
  let size = 'fixed' in sizing ? sizing.fixed : sizing.first;
  for (;;) {
    const started = performance.now();
    const { handled, more } = await work(size);
    if (!more) return;
    const batchMillis = performance.now() - started;
    await betweenBatches?.();
    if ('fixed' in sizing) {
      await nextTurnOfEventLoop();
      continue;
    }
    if (handled === size) {
      size = nextBatchSize(size, batchMillis, sizing.targetMillis, sizing);
    }
    await giveWay(batchMillis);
  }
}
