// @ts-check

/**
 * Facts of a synpunkt whose deadlines still run, kept for the days they hold.
 *
 * A report reads a synpunkt's kept facts (`report_facts`) only once its settled date has come:
 * every deadline passed or met. Until then it worked the synpunkt out in full on every report,
 * and those are the newest: on the bench's million with a day of registering, about 40,000 of
 * the report over all rows, a third of its time. Yet such a synpunkt's facts change only when
 * something is written to it (which marks it pending) or when one of its running deadlines
 * passes. So the facts job also keeps them as today's running report works them out (its state
 * today, its deadlines up to yesterday), with the window in which they hold:
 *
 * - `state_from`: the latest day of an event (första svar, återkoppling, closing), which a
 *   period's last day must have reached, as then every event counts as it does today; null when
 *   there is none;
 * - `cutoff_from`: the last running deadline that had passed by yesterday (null: none), and
 *   `cutoff_until`: the first that had not (null: none). A period whose deadline cutoff lies from
 *   the one up to the day before the other sees every deadline passed or not as yesterday did.
 *
 * Kept only for synpunkter never paused nor reopened (whose återkoppling deadline the calendar
 * alone decides) and whose events are not dated after the day they were kept. `settled_date` is
 * the synpunkt's `report_facts.settled_date`, so that a report uses these only where those do not
 * hold. The facts job marks a synpunkt pending again once its window has closed
 * (`cutoff_until` passed), and keeps its next window.
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
  await knex.schema.createTable('report_facts_interim', table => {
    table.comment(
      'What each synpunkt not yet settled counts for in the report measures, for the days they hold',
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
        'report_facts.settled_date: these hold only for a cutoff before it',
      );
    table
      .string('state_from', 10)
      .nullable()
      .comment(
        'the latest event: a period whose last day is before it does not see them all',
      );
    table
      .string('cutoff_from', 10)
      .nullable()
      .comment('the last running deadline passed when kept; null: none');
    table
      .string('cutoff_until', 10)
      .nullable()
      .comment('the first running deadline not passed when kept; null: none');
    for (const flag of flags) {
      table.smallint(flag).notNullable();
    }
    table.integer('ak_workdays').nullable();
    // A report reads those of its period, then its scope.
    table.index(
      ['received_date', 'unit_ref'],
      'report_facts_interim_period_idx',
    );
    // The facts job finds those whose window has closed.
    table.index(['cutoff_until'], 'report_facts_interim_until_idx');
  });
  // The återkoppling deadline of an unpaused synpunkt: the first day whose count of arbetsdagar
  // reaches its arrival's and the svarstid's.
  await knex.schema.alterTable('report_calendar', table => {
    table.index(['ordinal', 'day'], 'report_calendar_ordinal_idx');
  });
  // Those kept before, still running (settled from the day before yesterday on, allowing for
  // the time zone), get their window when the job keeps them again.
  const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000)
    .toISOString()
    .slice(0, 10);
  await knex.raw(
    `INSERT INTO report_facts_pending (synpunkt_id, generation)
      SELECT synpunkt_id, 1 FROM report_facts WHERE settled_date >= ?
      ON CONFLICT (synpunkt_id)
      DO UPDATE SET generation = report_facts_pending.generation + 1`,
    [twoDaysAgo],
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('report_calendar', table => {
    table.dropIndex(['ordinal', 'day'], 'report_calendar_ordinal_idx');
  });
  await knex.schema.dropTable('report_facts_interim');
};
