// @ts-check

/*
 * The list of improvements finds, among the kept facts of a period and scope, the few that led
 * to an improvement (about one in seven). Without an index of its own it walked every kept fact
 * of the scope: 230 ms of a kommun-wide report over a million synpunkter on SQLite, 40 ms of a
 * nämnd's year. A partial index holds only the facts with `improvement = 1`, by scope and date,
 * so the walk reads those alone (17 ms and 7 ms). Registration does not pay for it: facts are
 * kept by the background job.
 */

const INDEX = 'report_facts_improvement_idx';

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.raw(
    `CREATE INDEX ${INDEX} ON report_facts
      (unit_ref, received_date, settled_date, synpunkt_id) WHERE improvement = 1`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw(`DROP INDEX ${INDEX}`);
};
