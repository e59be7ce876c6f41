// @ts-check

/**
 * Kept report facts, so that a report over a million synpunkter sums narrow rows instead of
 * working out every synpunkt's clocks again on each call.
 *
 * `report_facts` holds, per synpunkt, what the report measures count for it (the flags of the
 * svarstid clocks, open, försenad, improvement, and arbetsdagar till återkoppling) together with
 * the **settled date**: the first day from which those facts no longer change as time passes
 * while nobody touches the synpunkt (every deadline has passed or its event happened, it was
 * closed, any pause began). A report uses the kept facts of a synpunkt when the period's deadline
 * cutoff is on or after its settled date, and works the rest out as before. `settled_date` is
 * null for a synpunkt whose facts are always worked out (a reopened one: its state at the end of a
 * period comes from its history).
 *
 * `report_facts_pending` lists the synpunkter whose kept facts may be stale: triggers add a
 * synpunkt whenever it, its pauses or its history are written, whoever writes them (the routes,
 * the demo seeder, bulk loads). A report never uses the facts of a pending synpunkt; the facts
 * task works them out again and removes them, but only at the `generation` it read, so a write
 * that lands meanwhile keeps its synpunkt pending.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const pg = knex.client.config.client === 'pg';
  const flags = [
    'anon',
    'fs_itid',
    'fs_sent',
    'fs_pag',
    'ak_itid',
    'ak_sent',
    'ak_pag',
    'open_end',
    'forsenad',
    'improvement',
  ];

  await knex.schema.createTable('report_facts', table => {
    table.comment(
      'What each synpunkt counts for in the report measures, from its settled date on',
    );
    table
      .string('synpunkt_id', 36)
      .primary()
      .references('id')
      .inTable('synpunkter')
      .onDelete('CASCADE');
    table.string('received_date', 10).notNullable();
    table.string('unit_ref', 255).notNullable();
    table.string('type', 20).notNullable();
    table.string('channel', 30).notNullable();
    table.string('area', 100).notNullable();
    table
      .string('settled_date', 10)
      .nullable()
      .comment(
        'the facts hold for every period whose cutoff is on or after this date; null: never kept',
      );
    for (const flag of flags) {
      table.smallint(flag).notNullable();
    }
    table.integer('ak_workdays').nullable();
    // A report finds the few facts not settled by its cutoff from this index alone.
    table.index(
      ['settled_date', 'received_date', 'unit_ref', 'synpunkt_id'],
      'report_facts_settled_idx',
    );
  });
  // A report sums the facts in two groupings, each read in the order of one of these indexes,
  // which hold every column it reads: SQLite then groups as it scans instead of sorting a
  // million rows (seconds), and reads a subtree of units by its first column.
  const summed = [
    'received_date',
    'settled_date',
    'synpunkt_id',
    ...flags,
  ].join(', ');
  await knex.raw(
    `CREATE INDEX report_facts_by_unit_idx ON report_facts
      (unit_ref, type, channel, area, ak_workdays, ${summed})`,
  );
  await knex.raw(
    `CREATE INDEX report_facts_by_month_idx ON report_facts
      (unit_ref, (substr(received_date, 1, 7)), ak_workdays, ${summed})`,
  );

  await knex.schema.createTable('report_facts_pending', table => {
    table.comment(
      'Synpunkter whose kept report facts must be worked out again',
    );
    // No foreign key: a pause deleted along with its synpunkt still marks it, and the facts
    // task drops what no longer exists.
    table.string('synpunkt_id', 36).primary();
    table
      .integer('generation')
      .notNullable()
      .defaultTo(1)
      .comment('raised by every write, so the task removes only what it read');
  });

  // Every input of the measures: the columns below, the pauses, the history (a reopening).
  const measuredColumns = [
    'unit_ref',
    'type',
    'channel',
    'area',
    'received_date',
    'arrival_date',
    'anonymous',
    'forsta_svar_due',
    'forsta_svar_date',
    'aterkoppling_due',
    'aterkoppling_days',
    'aterkoppling_date',
    'closed_date',
    'led_to_improvement',
  ].join(', ');

  if (pg) {
    await knex.raw(`
      CREATE FUNCTION report_facts_mark_pending() RETURNS trigger AS $$
      DECLARE
        target varchar(36);
      BEGIN
        IF TG_TABLE_NAME = 'synpunkter' THEN
          target := NEW.id;
        ELSIF TG_OP = 'DELETE' THEN
          target := OLD.synpunkt_id;
        ELSE
          target := NEW.synpunkt_id;
        END IF;
        INSERT INTO report_facts_pending (synpunkt_id, generation) VALUES (target, 1)
          ON CONFLICT (synpunkt_id)
          DO UPDATE SET generation = report_facts_pending.generation + 1;
        RETURN NULL;
      END;
      $$ LANGUAGE plpgsql`);
    await knex.raw(`CREATE TRIGGER report_facts_synpunkt_insert
      AFTER INSERT ON synpunkter
      FOR EACH ROW EXECUTE FUNCTION report_facts_mark_pending()`);
    await knex.raw(`CREATE TRIGGER report_facts_synpunkt_update
      AFTER UPDATE OF ${measuredColumns} ON synpunkter
      FOR EACH ROW EXECUTE FUNCTION report_facts_mark_pending()`);
    await knex.raw(`CREATE TRIGGER report_facts_pause_write
      AFTER INSERT OR UPDATE OR DELETE ON synpunkt_pauses
      FOR EACH ROW EXECUTE FUNCTION report_facts_mark_pending()`);
    await knex.raw(`CREATE TRIGGER report_facts_event_insert
      AFTER INSERT ON synpunkt_events
      FOR EACH ROW EXECUTE FUNCTION report_facts_mark_pending()`);
  } else {
    /** @param {string} id */
    const mark = id => `
        INSERT INTO report_facts_pending (synpunkt_id, generation) VALUES (${id}, 1)
          ON CONFLICT (synpunkt_id)
          DO UPDATE SET generation = report_facts_pending.generation + 1;`;
    const triggers = [
      ['report_facts_synpunkt_insert', 'AFTER INSERT ON synpunkter', 'NEW.id'],
      [
        'report_facts_synpunkt_update',
        `AFTER UPDATE OF ${measuredColumns} ON synpunkter`,
        'NEW.id',
      ],
      [
        'report_facts_pause_insert',
        'AFTER INSERT ON synpunkt_pauses',
        'NEW.synpunkt_id',
      ],
      [
        'report_facts_pause_update',
        'AFTER UPDATE ON synpunkt_pauses',
        'NEW.synpunkt_id',
      ],
      [
        'report_facts_pause_delete',
        'AFTER DELETE ON synpunkt_pauses',
        'OLD.synpunkt_id',
      ],
      [
        'report_facts_event_insert',
        'AFTER INSERT ON synpunkt_events',
        'NEW.synpunkt_id',
      ],
    ];
    for (const [name, when, id] of triggers) {
      await knex.raw(
        `CREATE TRIGGER ${name} ${when} FOR EACH ROW BEGIN ${mark(id)} END`,
      );
    }
  }

  // What is already registered is worked out by the facts task after start-up.
  await knex.raw(
    'INSERT INTO report_facts_pending (synpunkt_id, generation) SELECT id, 1 FROM synpunkter',
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const pg = knex.client.config.client === 'pg';
  if (pg) {
    for (const [name, table] of [
      ['report_facts_synpunkt_insert', 'synpunkter'],
      ['report_facts_synpunkt_update', 'synpunkter'],
      ['report_facts_pause_write', 'synpunkt_pauses'],
      ['report_facts_event_insert', 'synpunkt_events'],
    ]) {
      await knex.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
    }
    await knex.raw('DROP FUNCTION IF EXISTS report_facts_mark_pending()');
  } else {
    for (const name of [
      'report_facts_synpunkt_insert',
      'report_facts_synpunkt_update',
      'report_facts_pause_insert',
      'report_facts_pause_update',
      'report_facts_pause_delete',
      'report_facts_event_insert',
    ]) {
      await knex.raw(`DROP TRIGGER IF EXISTS ${name}`);
    }
  }
  await knex.schema.dropTable('report_facts_pending');
  await knex.schema.dropTable('report_facts');
};
