// @ts-check

/**
 * The synpunkt registry and the organisation cache it is filtered by.
 *
 * Dates without time (received, deadlines, återkoppling) are `YYYY-MM-DD` strings: `pg` turns a
 * DATE into local midnight and better-sqlite3 stores a JS Date as epoch milliseconds, so neither
 * is safe for a calendar date. Instants are ISO 8601 strings in UTC for the same reason.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The organisation tree as the catalog last described it (Group entities with spec.parent and
  // the service-guidelines/chef annotation), so that "units a chef leads, and every unit below"
  // is a SQL sub-query in permission filters and reports instead of a catalog call per row.
  await knex.schema.createTable('org_units', table => {
    table.comment('Units of the organisation, mirrored from the catalog');
    table.string('unit_ref', 255).primary().comment('Group entity ref');
    table.string('parent_ref', 255).nullable();
    table
      .string('type', 50)
      .notNullable()
      .comment('kommun, nämnd, förvaltning, enhet, …');
    table.string('title', 255).notNullable();
    table
      .string('chef_ref', 255)
      .nullable()
      .comment('User entity ref of the chef');
    table.index(['chef_ref'], 'org_units_chef_idx');
  });
  await knex.schema.createTable('org_unit_closure', table => {
    table.comment(
      'Every (ancestor, descendant) pair of the unit tree, a unit being its own ancestor',
    );
    table.string('ancestor_ref', 255).notNullable();
    table.string('descendant_ref', 255).notNullable();
    table.integer('depth').notNullable();
    table.primary(['ancestor_ref', 'descendant_ref']);
    table.index(['descendant_ref'], 'org_unit_closure_descendant_idx');
  });

  // One row per year: registration numbers are taken by incrementing it inside the registering
  // transaction, so they are unique and gapless however many register at once.
  await knex.schema.createTable('registration_counters', table => {
    table.integer('year').primary();
    table.integer('last_number').notNullable();
  });

  await knex.schema.createTable('synpunkter', table => {
    table.comment(
      'Synpunkter: beröm, klagomål and förslag on the services of the municipality',
    );
    table.string('id', 36).primary();
    table.string('registration_number', 20).notNullable().unique();
    table.integer('registration_year').notNullable();
    table.integer('registration_sequence').notNullable();
    table.string('type', 20).notNullable();
    table.string('channel', 30).notNullable();
    table
      .string('received_at', 30)
      .notNullable()
      .comment('ISO instant the customer gave it');
    table
      .string('received_date', 10)
      .notNullable()
      .comment('Stockholm date of received_at');
    table
      .string('arrival_date', 10)
      .notNullable()
      .comment('first arbetsdag it counts from');
    table.string('registered_at', 30).notNullable();
    table.string('registered_by', 255).notNullable();
    table.string('unit_ref', 255).notNullable();
    table.string('area', 100).notNullable();
    table.boolean('legal_duty').notNullable().defaultTo(false);
    table
      .text('description')
      .nullable()
      .comment('the words of the customer; null after gallring');
    table.boolean('sekretess').notNullable().defaultTo(false);
    table.boolean('anonymous').notNullable();
    table.string('contact_name', 200).nullable();
    table.string('contact_email', 320).nullable();
    table.string('contact_phone', 50).nullable();
    table.string('contact_address', 500).nullable();
    table.string('handlaggare_ref', 255).nullable();
    table.string('status', 20).notNullable();
    table.string('forsta_svar_due', 10).nullable();
    table.string('forsta_svar_date', 10).nullable();
    table.string('aterkoppling_due', 10).nullable();
    table.integer('aterkoppling_days').nullable();
    table.text('utredning').nullable();
    table.string('utredning_date', 10).nullable();
    table.string('aterkoppling_date', 10).nullable();
    table.string('aterkoppling_method', 20).nullable();
    table.text('aterkoppling_summary').nullable();
    table.string('closed_date', 10).nullable();
    table.text('outcome').nullable().comment('what was done');
    table.boolean('led_to_improvement').nullable();
    table.text('improvement_description').nullable();
    table
      .text('search_text')
      .nullable()
      .comment(
        'lower-cased number and non-secret description, for free-text search',
      );
    table.integer('version').notNullable().defaultTo(1);
    table.string('updated_at', 30).notNullable();
    table.index(['unit_ref', 'registered_at', 'id'], 'synpunkter_unit_idx');
    table.index(['status', 'aterkoppling_due'], 'synpunkter_status_due_idx');
    table.index(['handlaggare_ref'], 'synpunkter_handlaggare_idx');
    table.index(['registered_by'], 'synpunkter_registered_by_idx');
    table.index(['received_date'], 'synpunkter_received_idx');
    table.index(['registered_at', 'id'], 'synpunkter_keyset_idx');
  });

  await knex.schema.createTable('synpunkt_pauses', table => {
    table.comment('Periods the svarstid clock waited for the customer');
    table.increments('id');
    table
      .string('synpunkt_id', 36)
      .notNullable()
      .references('id')
      .inTable('synpunkter')
      .onDelete('CASCADE');
    table.string('from_date', 10).notNullable();
    table
      .string('to_date', 10)
      .nullable()
      .comment('null while the clock waits');
    table.string('reason', 500).notNullable();
    table.string('paused_by', 255).notNullable();
    table.index(['synpunkt_id'], 'synpunkt_pauses_synpunkt_idx');
  });

  // Append-only: every change to a synpunkt, who made it and when. Values of personal data are
  // never written here, only that they changed.
  await knex.schema.createTable('synpunkt_events', table => {
    table.comment('History of each synpunkt (append-only)');
    table.increments('id');
    table
      .string('synpunkt_id', 36)
      .notNullable()
      .references('id')
      .inTable('synpunkter')
      .onDelete('CASCADE');
    table.string('at', 30).notNullable();
    table.string('actor_ref', 255).notNullable();
    table.string('kind', 40).notNullable();
    table.text('changes').nullable().comment('JSON: { field: { from, to } }');
    table.index(['synpunkt_id', 'id'], 'synpunkt_events_synpunkt_idx');
  });

  await knex.schema.createTable('svarsmallar', table => {
    table.comment('Answer templates a unit keeps for återkoppling');
    table.string('id', 36).primary();
    table.string('unit_ref', 255).notNullable();
    table.string('title', 200).notNullable();
    table.text('body').notNullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 30).notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table.index(['unit_ref'], 'svarsmallar_unit_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('svarsmallar');
  await knex.schema.dropTable('synpunkt_events');
  await knex.schema.dropTable('synpunkt_pauses');
  await knex.schema.dropTable('synpunkter');
  await knex.schema.dropTable('registration_counters');
  await knex.schema.dropTable('org_unit_closure');
  await knex.schema.dropTable('org_units');
};
