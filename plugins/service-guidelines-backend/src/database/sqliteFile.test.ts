import {
  SQLITE_WORKER_YOUNG_GENERATION_MB,
  startSqliteWorker,
} from './sqliteFile';

describe('startSqliteWorker', () => {
  it('runs the program with the driver and the data, its young generation bounded', async () => {
    const worker = startSqliteWorker(
      `const { parentPort, workerData, resourceLimits } = require('node:worker_threads');
      const Database = require(workerData.driver);
      const db = new Database(':memory:');
      parentPort.postMessage({
        answer: db.prepare('select ? * 2 as n').get(workerData.half).n,
        youngMb: resourceLimits.maxYoungGenerationSizeMb,
      });`,
      { half: 21 },
    );
    try {
      const message = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(message).toEqual({
        answer: 42,
        youngMb: SQLITE_WORKER_YOUNG_GENERATION_MB,
      });
      expect(SQLITE_WORKER_YOUNG_GENERATION_MB).toBeLessThanOrEqual(16);
    } finally {
      await worker.terminate();
    }
  });
});
