// @ts-check

/**
 * The facts of a synpunkt as they stood at a closing date: the last day of a helår or delår.
 *
 * A report uses a synpunkt's kept facts (`report_facts`) only when the period's cutoff is on or
 * after its settled date. Those received in the last weeks before the end of a year settle only
 * in the next one, so every annual report worked them out in full: about 6,100 of a nämnd's
 * 62,000 synpunkter a year in the benchmark's million (its year and the year before), nearly half
 * the report's time on PostgreSQL. Kept here at each closing date between their arrival and their
 * settled date, a report of a period that ended on that date reads them like the other kept facts.
 *
 * Kept and dropped with `report_facts` by the same task, from the same pending list: a write to
 * the synpunkt makes both stale. The synpunkter kept before this table existed whose facts
 * settled after a default closing date (a 12-31, or the 08-31 of the year they were received) or
 * never settled are marked pending, so that the task adds their closing facts: about 8 % of them
 * in the benchmark's million, which reports work out in full meanwhile. With a delår configured to
 * end on another day, the others get theirs when next written, and are worked out until then.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
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
  await knex.schema.createTable('report_facts_at_closing', table => {
    table.comment(
      'What each synpunkt counts for in the report measures of a period that ended on a closing date before its facts settled',
    );
    table
      .string('synpunkt_id', 36)
      .notNullable()
      .references('id')
      .inTable('synpunkter')
      .onDelete('CASCADE');
    table
      .string('closing_date', 10)
      .notNullable()
      .comment(
        'the last day of a helår or delår: the facts hold for a period that ended on it',
      );
    table.string('received_date', 10).notNullable();
    table.string('unit_ref', 255).notNullable();
    table.string('type', 20).notNullable();
    table.string('channel', 30).notNullable();
    table.string('area', 100).notNullable();
    for (const flag of flags) {
      table.smallint(flag).notNullable();
    }
    table.integer('ak_workdays').nullable();
    table.primary(['synpunkt_id', 'closing_date']);
    // A report reads those of its closing date and period, then its scope.
    table.index(
      ['closing_date', 'received_date', 'unit_ref'],
      'report_facts_at_closing_period_idx',
    );
  });
  await knex.raw(
    `INSERT INTO report_facts_pending (synpunkt_id, generation)
      SELECT synpunkt_id, 1 FROM report_facts
      WHERE settled_date IS NULL
        OR substr(settled_date, 1, 4) > substr(received_date, 1, 4)
        OR (received_date <= substr(received_date, 1, 4) || '-08-31'
          AND settled_date > substr(received_date, 1, 4) || '-08-31')
      ON CONFLICT (synpunkt_id)
      DO UPDATE SET generation = report_facts_pending.generation + 1`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('report_facts_at_closing');
};
