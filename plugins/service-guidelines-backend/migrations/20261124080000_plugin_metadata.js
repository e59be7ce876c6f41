// @ts-check

/**
 * The plugin's own record of its installation. The health endpoint reads it to show which schema
 * a running instance is on, and it gives the migration tests a table to prove up and down with.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('plugin_metadata', table => {
    table.comment(
      'Facts about this installation of the service-guidelines plugin',
    );
    table
      .string('key', 100)
      .primary()
      .notNullable()
      .comment('Name of the fact');
    table.text('value').notNullable().comment('Its value, as text');
  });
  await knex('plugin_metadata').insert({
    key: 'installed_at',
    value: new Date().toISOString(),
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('plugin_metadata');
};
