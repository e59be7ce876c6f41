// @ts-check

/**
 * What the reports need to aggregate in SQL at the scale of a million synpunkter.
 *
 * `report_calendar` holds one row per date from 2005-01-01 to 2100-12-31 (about 35 000 rows):
 * whether it is an arbetsdag, and its ordinal, the number of arbetsdagar on or before it. The
 * report module fills it at start-up from the configured working-day calendar of -common (the
 * same calendar that computes deadlines, with the municipality's extra days and working eves), so
 * that "arbetsdagar after the arrival day up to and including X" is
 * `ordinal(X) - ordinal(arrival)` in SQL, and paused arbetsdagar are a count of calendar rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('report_calendar', table => {
    table.comment(
      'Every date 2005–2100: arbetsdag or not, and the running count of arbetsdagar; filled from the configured calendar',
    );
    table.string('day', 10).primary().comment('YYYY-MM-DD');
    table.boolean('working').notNullable();
    table
      .integer('ordinal')
      .notNullable()
      .comment('arbetsdagar from 2005-01-01 up to and including day');
  });

  // A report selects by unit and received date; the registry's indexes lead with registered_at.
  await knex.schema.alterTable('synpunkter', table => {
    table.index(['unit_ref', 'received_date'], 'synpunkter_unit_received_idx');
  });
  // Reopened synpunkter (rare) are read from their history; this finds them without a scan.
  await knex.schema.alterTable('synpunkt_events', table => {
    table.index(['kind', 'synpunkt_id'], 'synpunkt_events_kind_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('synpunkt_events', table => {
    table.dropIndex(['kind', 'synpunkt_id'], 'synpunkt_events_kind_idx');
  });
  await knex.schema.alterTable('synpunkter', table => {
    table.dropIndex(
      ['unit_ref', 'received_date'],
      'synpunkter_unit_received_idx',
    );
  });
  await knex.schema.dropTable('report_calendar');
};
