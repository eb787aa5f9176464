import { DataTypes, Op, type QueryInterface } from 'sequelize';

/**
 * Search by sound, second key. FONEM (the first key) keeps final consonants
 * and "ill" as written, so "Arnod" missed Arnaud and "Bonned" Bonnet; Édouard
 * Berge's French phonetic drops silent endings. Only names and organisations
 * carry keys, so both indexes leave the other rows (two thirds of the table)
 * out: SQL Server calls these filtered indexes, and SQLite and PostgreSQL use
 * them for `key = …`, which implies a key.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.addColumn('search_tokens', 'sound', {
    type: DataTypes.STRING(32),
    allowNull: true,
  });
  await context.removeIndex('search_tokens', 'search_tokens_phonetic');
  await context.addIndex('search_tokens', ['phonetic', 'entity_type'], {
    name: 'search_tokens_phonetic',
    where: { phonetic: { [Op.ne]: null } },
  });
  await context.addIndex('search_tokens', ['sound', 'entity_type'], {
    name: 'search_tokens_sound',
    where: { sound: { [Op.ne]: null } },
  });
}

export async function down({ context }: { context: QueryInterface }) {
  await context.removeIndex('search_tokens', 'search_tokens_sound');
  await context.removeIndex('search_tokens', 'search_tokens_phonetic');
  await context.addIndex('search_tokens', ['phonetic', 'entity_type'], {
    name: 'search_tokens_phonetic',
  });
  await context.removeColumn('search_tokens', 'sound');
}
