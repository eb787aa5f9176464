import type { QueryInterface } from 'sequelize';

/**
 * The audit log's actions, read from an index (issue #6): the filters' list
 * of actions (`SELECT DISTINCT action`) walks it instead of the whole log,
 * and a page filtered on one action reads its newest events from it in id
 * order. The kinds of record already lead `audit_events_entity_type_entity_id`.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.addIndex('audit_events', ['action', 'id'], {
    name: 'audit_events_action',
  });
}

export async function down({ context }: { context: QueryInterface }) {
  await context.removeIndex('audit_events', 'audit_events_action');
}
