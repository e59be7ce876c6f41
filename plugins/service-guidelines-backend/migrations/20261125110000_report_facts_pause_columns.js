// @ts-check

/*
 * A pause's dates are an input of the report facts; its reason is not. The trigger on
 * synpunkt_pauses marked a synpunkt pending on any update, so gallring, which clears the reasons
 * of every pause of the synpunkter it clears, had the facts job work out each of them again. It
 * now fires on an update of the pause's synpunkt or dates only.
 */

const SQLITE_MARK = `
  INSERT INTO report_facts_pending (synpunkt_id, generation) VALUES (NEW.synpunkt_id, 1)
    ON CONFLICT (synpunkt_id)
    DO UPDATE SET generation = report_facts_pending.generation + 1;`;

/**
 * @param {import('knex').Knex} knex
 * @param {string} updateOf the columns whose update marks the synpunkt, empty for any update
 */
async function recreatePauseUpdateTrigger(knex, updateOf) {
  const update = updateOf ? `UPDATE OF ${updateOf}` : 'UPDATE';
  if (knex.client.config.client === 'pg') {
    // One trigger on PostgreSQL for inserts, updates and deletes.
    await knex.raw(
      'DROP TRIGGER IF EXISTS report_facts_pause_write ON synpunkt_pauses',
    );
    await knex.raw(`CREATE TRIGGER report_facts_pause_write
      AFTER INSERT OR ${update} OR DELETE ON synpunkt_pauses
      FOR EACH ROW EXECUTE FUNCTION report_facts_mark_pending()`);
  } else {
    await knex.raw('DROP TRIGGER IF EXISTS report_facts_pause_update');
    await knex.raw(`CREATE TRIGGER report_facts_pause_update
      AFTER ${update} ON synpunkt_pauses
      FOR EACH ROW BEGIN ${SQLITE_MARK} END`);
  }
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await recreatePauseUpdateTrigger(knex, 'synpunkt_id, from_date, to_date');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await recreatePauseUpdateTrigger(knex, '');
};
