// @ts-check

/**
 * The directory of förtroendevalda (elected officials) and their uppdrag.
 *
 * Term dates are `YYYY-MM-DD` strings in varchar(10): `pg` turns a DATE into local midnight (a day
 * early when written out from Europe/Stockholm) and better-sqlite3 stores a JS Date as epoch
 * milliseconds, while strings of this form compare in date order on every database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fortroendevalda', table => {
    table.comment(
      'Förtroendevalda: elected officials, who are not portal users',
    );
    table.string('id', 36).primary();
    table.string('name', 200).notNullable();
    // Lower-cased in JavaScript, with accents other than å, ä, ö folded: SQLite's lower() leaves
    // non-ASCII letters alone, so the database cannot be asked to do it the same way everywhere.
    table
      .string('search_name', 200)
      .notNullable()
      .comment('name folded for case-insensitive search');
    // Swedish alphabetical order (… x y z å ä ö) as digits, which every collation of every
    // database sorts the same way.
    table
      .string('sort_key', 400)
      .notNullable()
      .comment('name encoded for Swedish sort order');
    table.string('party', 20).notNullable().comment('party abbreviation');
    table
      .string('email', 320)
      .notNullable()
      .unique({ indexName: 'fortroendevalda_email_uq' })
      .comment('lower-cased; identifies the person in imports');
    table.string('phone', 50).nullable();
    table.string('photo_url', 500).nullable();
    table.integer('version').notNullable().defaultTo(1);
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.index(['sort_key', 'id'], 'fortroendevalda_sort_idx');
    table.index(['party'], 'fortroendevalda_party_idx');
  });

  await knex.schema.createTable('fortroendevald_uppdrag', table => {
    table.comment('Uppdrag: a role in an organ for a term');
    table.string('id', 36).primary();
    table
      .string('fortroendevald_id', 36)
      .notNullable()
      .references('id')
      .inTable('fortroendevalda')
      .onDelete('CASCADE');
    table
      .string('organ', 200)
      .notNullable()
      .comment('as the directory names it');
    table
      .string('organ_key', 200)
      .notNullable()
      .comment('organ folded like search_name, for matching');
    table.string('role', 50).notNullable().comment('role id, e.g. ordforande');
    table
      .string('from_date', 10)
      .notNullable()
      .comment('first day, YYYY-MM-DD');
    table
      .string('to_date', 10)
      .nullable()
      .comment('last day, YYYY-MM-DD; null until further notice');
    table.index(['fortroendevald_id'], 'fortroendevald_uppdrag_person_idx');
    table.index(['organ_key', 'role'], 'fortroendevald_uppdrag_organ_idx');
    table.index(['to_date'], 'fortroendevald_uppdrag_to_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fortroendevald_uppdrag');
  await knex.schema.dropTable('fortroendevalda');
};
