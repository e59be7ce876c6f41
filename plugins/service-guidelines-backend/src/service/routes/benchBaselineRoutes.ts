import { synpunktCreatePermission } from '@service-guidelines/plugin-service-guidelines-common';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { CallerResolver } from './callerAccess';

/** The config flag that mounts the baseline routes; only bench/ sets it. */
export const BENCH_BASELINE_CONFIG_KEY =
  'serviceGuidelines.bench.baselineRoutes';

const BASELINE_TABLE = 'bench_baseline';

/**
 * The table the insert baseline writes to. Created here, not by a migration, because it exists
 * only in databases a benchmark runs on.
 */
export async function ensureBenchBaselineTable(db: Knex): Promise<void> {
  if (await db.schema.hasTable(BASELINE_TABLE)) return;
  await db.schema.createTable(BASELINE_TABLE, table => {
    table.string('id', 36).primary();
    table.string('at', 30).notNullable();
    table.string('actor_ref', 255).notNullable();
    table.text('body').notNullable();
  });
}

/**
 * What the benchmark compares the real routes with: the same router, body parser, user
 * authentication and one permission decision, then a single-row insert or a single-row read by
 * primary key and nothing else. The ratio of a real route to these shows what the route itself
 * costs, independent of the machine.
 */
export function createBenchBaselineRoutes(options: {
  callers: CallerResolver;
  db: Knex;
}) {
  const { callers, db } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  router.post('/bench/baseline', async (req, res) => {
    const credentials = await callers.user(req);
    await callers.require(credentials, synpunktCreatePermission, 'Not allowed');
    const row = {
      id: randomUUID(),
      at: new Date().toISOString(),
      actor_ref: credentials.principal.userEntityRef,
      body: JSON.stringify(req.body ?? null),
    };
    await db(BASELINE_TABLE).insert(row);
    res.status(201).json({ id: row.id });
  });

  router.get('/bench/baseline/:id', async (req, res) => {
    const credentials = await callers.user(req);
    await callers.require(credentials, synpunktCreatePermission, 'Not allowed');
    const row = await db('synpunkter')
      .where({ id: req.params.id })
      .first('id', 'registration_number', 'status', 'registered_at');
    res.status(row ? 200 : 404).json(row ?? {});
  });

  return router;
}
