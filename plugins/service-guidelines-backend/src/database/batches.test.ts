import { nextBatchSize, pauseAfterBatch, workInBatches } from './batches';

describe('nextBatchSize', () => {
  const sizes = { min: 5, max: 500 };

  it('sizes the next batch in proportion to the aim', () => {
    expect(nextBatchSize(100, 40, 10, sizes)).toBe(25);
    expect(nextBatchSize(100, 80, 100, sizes)).toBe(125);
  });

  it('grows at most to twice the last, and when the last took no measurable time', () => {
    expect(nextBatchSize(100, 1, 10, sizes)).toBe(200);
    expect(nextBatchSize(100, 0, 10, sizes)).toBe(200);
  });

  it('keeps within the bounds', () => {
    expect(nextBatchSize(400, 1, 10, sizes)).toBe(500);
    expect(nextBatchSize(10, 1_000, 10, sizes)).toBe(5);
  });
});

describe('pauseAfterBatch', () => {
  it('pauses as long as the batch took when other work kept the event loop busy', () => {
    expect(pauseAfterBatch(12, 0.9)).toBe(12);
    expect(pauseAfterBatch(12, 1)).toBe(12);
  });

  it('goes on at once when the event loop was mostly idle', () => {
    expect(pauseAfterBatch(12, 0)).toBe(0);
    expect(pauseAfterBatch(12, 0.5)).toBe(0);
  });
});

describe('workInBatches', () => {
  /** Work over `rows` rows that takes `millisPerRow` of the clock for each, as the sizes asked. */
  function rowsOfWork(rows: number, millisPerRow: number) {
    const sizes: number[] = [];
    let left = rows;
    let now = 0;
    jest.spyOn(performance, 'now').mockImplementation(() => now);
    const work = async (size: number) => {
      sizes.push(size);
      const handled = Math.min(size, left);
      left -= handled;
      now += handled * millisPerRow;
      return { handled, more: left > 0 };
    };
    return { sizes, work };
  }

  afterEach(() => jest.restoreAllMocks());

  it('asks for the fixed size every time', async () => {
    const { sizes, work } = rowsOfWork(250, 1);
    await workInBatches({ fixed: 100 }, work);
    expect(sizes).toEqual([100, 100, 100]);
  });

  it('sizes each batch from the time of the full one before it', async () => {
    // 2 ms a row against an aim of 10 ms: 50 rows take 100 ms, so the next is 5 rows.
    const { sizes, work } = rowsOfWork(80, 2);
    await workInBatches(
      { targetMillis: 10, first: 50, min: 5, max: 500 },
      work,
    );
    expect(sizes).toEqual([50, 5, 5, 5, 5, 5, 5]);
  });

  it('grows fast batches to twice the last, up to the most', async () => {
    const { sizes, work } = rowsOfWork(1_000, 0.001);
    await workInBatches(
      { targetMillis: 10, first: 50, min: 5, max: 300 },
      work,
    );
    // The last asks for 300 and finds the 50 left.
    expect(sizes).toEqual([50, 100, 200, 300, 300, 300]);
  });

  it('waits for what it is given between two batches, not after the last', async () => {
    const events: string[] = [];
    const { work } = rowsOfWork(250, 1);
    let release: () => void = () => {};
    await workInBatches(
      { fixed: 100 },
      async size => {
        events.push('batch');
        return work(size);
      },
      () => {
        events.push('waiting');
        // The next batch waits until this resolves.
        setTimeout(() => {
          events.push('released');
          release();
        }, 5);
        return new Promise<void>(resolve => {
          release = resolve;
        });
      },
    );
    expect(events).toEqual([
      'batch',
      'waiting',
      'released',
      'batch',
      'waiting',
      'released',
      'batch',
    ]);
  });

  it('lets other work run between its batches', async () => {
    const seen: boolean[] = [];
    let otherWorkRan = false;
    await workInBatches({ fixed: 1 }, async () => {
      seen.push(otherWorkRan);
      if (seen.length === 1) {
        setImmediate(() => {
          otherWorkRan = true;
        });
      }
      return { handled: 1, more: seen.length < 2 };
    });
    expect(seen).toEqual([false, true]);
  });

  /** Holds the main thread, as an SQLite statement does, for about `millis`. */
  function holdMainThread(millis: number) {
    const until = Date.now() + millis;
    while (Date.now() < until) {
      // busy, as a synchronous query is
    }
  }

  /**
   * A request that needs `turns` turns of the event loop, as a registration does (read, token
   * verified off the main thread, group commit): resolves with how many batches had started by
   * the time it was done.
   */
  function requestOfTurns(turns: number, batchesStarted: () => number) {
    return new Promise<number>(resolve => {
      const turn = (left: number) => {
        if (left === 0) resolve(batchesStarted());
        else setImmediate(() => turn(left - 1));
      };
      turn(turns);
    });
  }

  it('lets a request that needs several turns of the event loop finish between two batches of a job sized by time', async () => {
    let started = 0;
    let request: Promise<number> | undefined;
    await workInBatches(
      { targetMillis: 5, first: 1, min: 1, max: 1 },
      async () => {
        started += 1;
        // It arrives while the first batch holds the main thread.
        if (started === 1) request = requestOfTurns(3, () => started);
        holdMainThread(5);
        return { handled: 1, more: started < 4 };
      },
    );
    // One turn after each batch would have run a batch for each of its turns: done after the third.
    await expect(request).resolves.toBe(1);
  });

  it('a job of a fixed size gives the event loop a turn between its batches', async () => {
    let started = 0;
    let request: Promise<number> | undefined;
    await workInBatches({ fixed: 1 }, async () => {
      started += 1;
      if (started === 1) request = requestOfTurns(1, () => started);
      return { handled: 1, more: started < 3 };
    });
    await expect(request).resolves.toBe(1);
  });
});
