import { DataTypes, type QueryInterface } from 'sequelize';

const { DATE, FLOAT, INTEGER, STRING, TEXT } = DataTypes;

// A fresh object per column: Sequelize writes the column name into it.
const contactRef = () => ({
  type: INTEGER,
  allowNull: false,
  references: { model: 'contacts', key: 'id' },
  // Two cascades from contacts into one table would be refused by SQL
  // Server (error 1785); pairs go when the review queue is rebuilt instead.
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
});

/**
 * The duplicate review queue: pairs of contacts the engine found, and what a
 * person decided about each. A pair marked "not a duplicate" stays so: the
 * next scan skips it.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.createTable('duplicate_pairs', {
    id: {
      type: INTEGER,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    contact_a_id: contactRef(),
    contact_b_id: contactRef(),
    score: { type: FLOAT, allowNull: false },
    outcome: { type: STRING(10), allowNull: false },
    evidence: { type: TEXT, allowNull: false, defaultValue: '[]' },
    status: { type: STRING(20), allowNull: false, defaultValue: 'pending' },
    decided_by_id: {
      type: INTEGER,
      allowNull: true,
      references: { model: 'users', key: 'id' },
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    },
    decided_at: { type: DATE, allowNull: true },
    created_at: { type: DATE, allowNull: false },
    updated_at: { type: DATE, allowNull: false },
  });
  await context.addIndex('duplicate_pairs', ['contact_a_id', 'contact_b_id'], {
    name: 'duplicate_pairs_contacts',
    unique: true,
  });
  await context.addIndex('duplicate_pairs', ['status', 'score'], {
    name: 'duplicate_pairs_status',
  });
  await context.addIndex('duplicate_pairs', ['contact_b_id'], {
    name: 'duplicate_pairs_contact_b',
  });
}

export async function down({ context }: { context: QueryInterface }) {
  await context.dropTable('duplicate_pairs');
}
