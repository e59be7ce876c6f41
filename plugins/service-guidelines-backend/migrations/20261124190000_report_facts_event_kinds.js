// @ts-check

/*
 * The report facts read three kinds of history entry: återkopplad, återöppnad and avslutad. The
 * trigger on synpunkt_events marked a synpunkt pending for every entry, so a registration (row
 * and `registrerad` entry) wrote report_facts_pending twice, and every other action whose row
 * write marks it anyway once more. It now fires for those three kinds only.
 */

const SQLITE_MARK = `
  INSERT INTO report_facts_pending (synpunkt_id, generation) VALUES (NEW.synpunkt_id, 1)
    ON CONFLICT (synpunkt_id)
    DO UPDATE SET generation = report_facts_pending.generation + 1;`;

/**
 * @param {import('knex').Knex} knex
 * @param {string} when the trigger's condition, empty for every entry
 */
async function recreateEventTrigger(knex, when) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'DROP TRIGGER IF EXISTS report_facts_event_insert ON synpunkt_events',
    );
    await knex.raw(`CREATE TRIGGER report_facts_event_insert
      AFTER INSERT ON synpunkt_events
      FOR EACH ROW ${when ? `WHEN (${when})` : ''}
      EXECUTE FUNCTION report_facts_mark_pending()`);
  } else {
    await knex.raw('DROP TRIGGER IF EXISTS report_facts_event_insert');
    await knex.raw(`CREATE TRIGGER report_facts_event_insert
      AFTER INSERT ON synpunkt_events
      FOR EACH ROW ${when ? `WHEN ${when}` : ''}
      BEGIN ${SQLITE_MARK} END`);
  }
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await recreateEventTrigger(
    knex,
    "NEW.kind IN ('aterkopplad', 'ateroppnad', 'avslutad')",
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await recreateEventTrigger(knex, '');
};
