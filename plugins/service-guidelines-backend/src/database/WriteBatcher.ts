/** What became of one write of a batch: its result, or the error only its caller gets. */
export type WriteOutcome<R> =
  | { ok: true; result: R }
  | { ok: false; error: unknown };

/**
 * Stores a batch of writes together and tells each write's outcome, in the batch's order. A
 * rejection means that none of the batch is stored; every caller of the batch gets its error.
 */
export type StoreBatch<W, R> = (writes: W[]) => Promise<WriteOutcome<R>[]>;

interface Waiting<W, R> {
  write: W;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Gathers the writes that arrive within one turn of the event loop and stores them as one batch,
 * one batch at a time: while a batch is being stored, what arrives waits for the next one. Under
 * load the batches therefore grow with the time a batch takes, and what a batch costs once (a
 * commit, a round trip, a statement's planning) is shared; a write arriving alone is stored in
 * the next turn. A write's caller hears of its outcome only once its batch is stored.
 */
export class WriteBatcher<W, R> {
  private waiting: Array<Waiting<W, R>> = [];
  private scheduled = false;
  private storing = false;

  constructor(
    private readonly storeBatch: StoreBatch<W, R>,
    private readonly maxWritesPerBatch: number,
  ) {}

  /** Stores the write with the next batch; its result once that batch is stored. */
  run(write: W): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ write, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.storing || this.waiting.length === 0) return;
    this.scheduled = true;
    // After the I/O of this turn: every request read in it has had its chance to queue a write.
    setImmediate(() => {
      this.scheduled = false;
      this.storing = true;
      const batch = this.waiting.splice(0, this.maxWritesPerBatch);
      void this.store(batch).finally(() => {
        this.storing = false;
        this.schedule();
      });
    });
  }

  private async store(batch: Array<Waiting<W, R>>): Promise<void> {
    let outcomes: WriteOutcome<R>[];
    try {
      outcomes = await this.storeBatch(batch.map(waiting => waiting.write));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) waiting.resolve(outcome.result);
      else waiting.reject(outcome.error);
    });
  }
}
