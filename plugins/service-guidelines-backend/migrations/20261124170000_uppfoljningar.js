// @ts-check

/**
 * Uppföljningar (R3.2): a chef's record that a unit reviewed its synpunkter with the staff, with
 * the synpunkter discussed and the actions decided. And the reminders sent (R3.3), one row per
 * occasion, whose primary key is what makes "sent once" hold across runs and backend instances.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('uppfoljningar', table => {
    table.comment('A unit reviewed its synpunkter with the staff');
    table.string('id', 36).primary();
    table.string('unit_ref', 255).notNullable();
    table.string('held_date', 10).notNullable();
    table
      .string('recorded_by', 255)
      .notNullable()
      .comment('the chef who recorded it and alone may change it');
    table
      .text('participants')
      .notNullable()
      .comment('JSON array of { name, userRef? }');
    table.text('conclusions').notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.index(['unit_ref', 'held_date'], 'uppfoljningar_unit_idx');
  });
  await knex.schema.createTable('uppfoljning_synpunkter', table => {
    table.comment('The synpunkter discussed at an uppföljning');
    table
      .string('uppfoljning_id', 36)
      .notNullable()
      .references('id')
      .inTable('uppfoljningar')
      .onDelete('CASCADE');
    table
      .string('synpunkt_id', 36)
      .notNullable()
      .references('id')
      .inTable('synpunkter');
    table.primary(['uppfoljning_id', 'synpunkt_id']);
  });
  await knex.schema.createTable('uppfoljning_actions', table => {
    table.comment(
      'Actions decided at an uppföljning, and whether they were carried out',
    );
    table.string('id', 36).primary();
    table
      .string('uppfoljning_id', 36)
      .notNullable()
      .references('id')
      .inTable('uppfoljningar')
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('description', 500).notNullable();
    table.string('responsible', 200).notNullable();
    table.string('due_date', 10).notNullable();
    table.string('done_date', 10).nullable();
    table.index(['uppfoljning_id', 'position'], 'uppfoljning_actions_idx');
  });
  await knex.schema.createTable('reminders_sent', table => {
    table.comment(
      'One row per reminder occasion; inserting the key first is what sends each reminder once',
    );
    table
      .string('occasion', 400)
      .primary()
      .comment('kind:subject:occasion, e.g. overdue:<synpunkt id>:<deadline>');
    table.string('kind', 30).notNullable();
    table.string('sent_at', 30).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reminders_sent');
  await knex.schema.dropTable('uppfoljning_actions');
  await knex.schema.dropTable('uppfoljning_synpunkter');
  await knex.schema.dropTable('uppfoljningar');
};
