// @ts-check

/**
 * Reopened synpunkter closed again are kept with a settled date from this version on.
 *
 * Until now the facts job kept every synpunkt ever reopened without a settled date, so every
 * report worked it out in full from its history: on the bench's million about 4,800 of the 5,800
 * that a report over all rows works out, a third of its time on PostgreSQL. Once a reopened
 * synpunkt is closed again, its last closing is on its row and after every reopening, so from its
 * settled date on (which is on or after that closing) neither time nor its history changes its
 * facts, as for any other. The ones still open are kept as before.
 *
 * Those kept without a settled date are marked pending here, so that the facts job keeps the
 * closed ones again under the new rule; the rest come out as they were.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.raw(
    `INSERT INTO report_facts_pending (synpunkt_id, generation)
      SELECT synpunkt_id, 1 FROM report_facts WHERE settled_date IS NULL
      ON CONFLICT (synpunkt_id)
      DO UPDATE SET generation = report_facts_pending.generation + 1`,
  );
};

/**
 * Marks them again, so that the job of the version migrated down to keeps them under its rule.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw(
    `INSERT INTO report_facts_pending (synpunkt_id, generation)
      SELECT f.synpunkt_id, 1 FROM report_facts f
      WHERE f.settled_date IS NOT NULL AND EXISTS (SELECT 1 FROM synpunkt_events e
        WHERE e.kind = 'ateroppnad' AND e.synpunkt_id = f.synpunkt_id)
      ON CONFLICT (synpunkt_id)
      DO UPDATE SET generation = report_facts_pending.generation + 1`,
  );
};
