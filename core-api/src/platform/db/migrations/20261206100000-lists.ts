import { DataTypes, Op, type QueryInterface } from 'sequelize';

const { BIGINT, DATE, INTEGER, STRING, TEXT } = DataTypes;

// Fresh objects per column: Sequelize writes the column name into them.
const id = () => ({
  type: INTEGER,
  autoIncrement: true,
  primaryKey: true,
  allowNull: false,
});

const stamps = () => ({
  created_at: { type: DATE, allowNull: false },
  updated_at: { type: DATE, allowNull: false },
});

const ref = (table: string, allowNull: boolean, onDelete = 'NO ACTION') => ({
  type: INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete,
  onUpdate: 'NO ACTION',
});

const member = (table: string) => ({
  type: INTEGER,
  allowNull: false,
  primaryKey: true,
  references: { model: table, key: 'id' },
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
});

const ofList = () => ({
  type: INTEGER,
  allowNull: false,
  primaryKey: true,
  references: { model: 'lists', key: 'id' },
  onDelete: 'CASCADE',
  onUpdate: 'NO ACTION',
});

/**
 * Static lists of contacts or of companies (issue #4, R12): a list belongs
 * to one user, everyone may use it, and what others want to change in it
 * waits as a change request until the owner decides. The history of each
 * list, and the memberships a contact merge moved, so the merge can be
 * undone.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.createTable('lists', {
    id: id(),
    name: { type: STRING(200), allowNull: false },
    description: { type: TEXT, allowNull: true },
    entity: { type: STRING(10), allowNull: false },
    owner_id: ref('users', false),
    // The query the list was built from, as JSON, for the record only.
    source_definition: { type: TEXT, allowNull: true },
    version: { type: INTEGER, allowNull: false, defaultValue: 1 },
    created_by_id: ref('users', true),
    updated_by_id: ref('users', true),
    ...stamps(),
    deleted_at: { type: DATE, allowNull: true },
  });
  await context.addIndex('lists', ['owner_id'], { name: 'lists_owner' });
  await context.addIndex('lists', ['deleted_at'], { name: 'lists_deleted' });

  await context.createTable('list_contacts', {
    list_id: ofList(),
    contact_id: member('contacts'),
    added_by_id: ref('users', true),
    added_at: { type: DATE, allowNull: false },
  });
  await context.addIndex('list_contacts', ['contact_id'], {
    name: 'list_contacts_contact',
  });

  await context.createTable('list_companies', {
    list_id: ofList(),
    company_id: member('companies'),
    added_by_id: ref('users', true),
    added_at: { type: DATE, allowNull: false },
  });
  await context.addIndex('list_companies', ['company_id'], {
    name: 'list_companies_company',
  });

  await context.createTable('list_change_requests', {
    id: id(),
    list_id: ref('lists', false, 'CASCADE'),
    action: { type: STRING(10), allowNull: false },
    contact_id: ref('contacts', true),
    company_id: ref('companies', true),
    proposed_by_id: ref('users', false),
    proposed_at: { type: DATE, allowNull: false },
    note: { type: STRING(1000), allowNull: true },
    status: { type: STRING(12), allowNull: false, defaultValue: 'pending' },
    // What approving did: 'applied', or why nothing was left to do
    // ('already_member', 'not_member', 'member_deleted', 'merged').
    outcome: { type: STRING(20), allowNull: true },
    decided_by_id: ref('users', true),
    // The owner an administrator decided for, when one did.
    decided_for_id: ref('users', true),
    decided_at: { type: DATE, allowNull: true },
    decision_note: { type: STRING(1000), allowNull: true },
    ...stamps(),
  });
  await context.addIndex('list_change_requests', ['list_id', 'status'], {
    name: 'list_change_requests_list_status',
  });
  await context.addIndex('list_change_requests', ['contact_id'], {
    name: 'list_change_requests_contact',
  });
  // One pending request per list, change and member: a second one for the
  // same change is refused even when two people propose it at once. Filtered
  // on a non-null member, since SQL Server counts NULLs as equal.
  for (const member of ['contact_id', 'company_id']) {
    await context.addIndex(
      'list_change_requests',
      ['list_id', 'action', member],
      {
        name: `list_change_requests_pending_${member.replace('_id', '')}`,
        unique: true,
        where: { status: 'pending', [member]: { [Op.ne]: null } },
      },
    );
  }
  await context.addIndex('list_change_requests', ['proposed_by_id'], {
    name: 'list_change_requests_proposer',
  });

  await context.createTable('list_events', {
    id: {
      type: BIGINT,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    list_id: ref('lists', false, 'CASCADE'),
    occurred_at: { type: DATE, allowNull: false },
    action: { type: STRING(30), allowNull: false },
    actor_id: ref('users', true),
    // The owner an administrator acted for, when one did.
    acting_for_id: ref('users', true),
    // Plain numbers, no foreign keys: the history keeps what happened even
    // when a request or a member goes, and SQL Server refuses a second
    // cascading path from lists.
    request_id: { type: INTEGER, allowNull: true },
    proposed_by_id: { type: INTEGER, allowNull: true },
    member_count: { type: INTEGER, allowNull: true },
    details: { type: TEXT, allowNull: true },
  });
  await context.addIndex('list_events', ['list_id', 'id'], {
    name: 'list_events_list',
  });

  await context.createTable('list_merge_moves', {
    id: id(),
    // No foreign keys: the rows are read back only by merge id, and lists
    // and requests may go meanwhile.
    merge_id: { type: INTEGER, allowNull: false },
    kind: { type: STRING(12), allowNull: false },
    list_id: { type: INTEGER, allowNull: false },
    request_id: { type: INTEGER, allowNull: true },
    outcome: { type: STRING(12), allowNull: false },
    added_by_id: { type: INTEGER, allowNull: true },
    added_at: { type: DATE, allowNull: true },
  });
  await context.addIndex('list_merge_moves', ['merge_id'], {
    name: 'list_merge_moves_merge',
  });
}

export async function down({ context }: { context: QueryInterface }) {
  for (const table of [
    'list_merge_moves',
    'list_events',
    'list_change_requests',
    'list_companies',
    'list_contacts',
    'lists',
  ]) {
    await context.dropTable(table);
  }
}
