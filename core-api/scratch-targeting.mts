import { Sequelize, QueryTypes } from 'sequelize';
import { compileQuery, countSql, pageSql } from './src/features/targeting/query-sql.ts';
const s = new Sequelize({ dialect: 'sqlite', storage: '/tmp/relais-bench-targeting-0d0ow2/targeting.sqlite', logging: false });
const env = { termAndDescendants: (id: number) => [id], now: new Date() };
const and = (...items: any[]) => ({ op: 'and', items });
const crit = (field: string, operator: string, value?: unknown) => ({ field, operator, value });
const qs: Record<string, any> = {
  p318182: and(crit('contactType','in',['press']), crit('department','in',['31','81','82']), crit('terms','anyOf',[1,2,3,4])),
  redact: and(crit('company','startsWith','La Dép'), crit('function','contains','rédact')),
  notList: and(crit('list','notIn',[4])),
  pressNot: and(crit('contactType','in',['press']), {op:'or', not:true, items:[crit('terms','anyOf',[9]), crit('department','in',['75'])]}),
  email12: and(crit('hasEmail','is',true), crit('preferredChannel','in',['email']), crit('updatedAt','lastMonths',12)),
};
for (const [name, where] of Object.entries(qs)) {
  const c = compileQuery(s, { entity: 'contact', where } as any, env, name === 'email12' ? 'email' : undefined);
  for (const [kind, sql] of [['count', countSql(c)], ['page', pageSql(c, undefined, 50, 0)]]) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); await s.query(sql, { type: QueryTypes.SELECT }); times.push(performance.now() - t); }
    console.log(name, kind, times.map((t) => t.toFixed(1)).join(' '));
  }
}
const { searchQuery } = await import('./src/features/targeting/targeting.service.ts');
const { defineModels } = await import('./src/platform/db/models.ts');
const { createLogger } = await import('./src/platform/log/logger.ts');
const ctx: any = { db: { sequelize: s, models: defineModels(s) }, log: createLogger('warn'), region: 'FR', actor: { id: null, label: 'x', role: 'system' } };
for (const [name, where] of Object.entries(qs)) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) { const t = performance.now(); await searchQuery(ctx, { query: { entity: 'contact', where }, page: 1, pageSize: 50 }); times.push(performance.now() - t); }
  console.log('search', name, times.map((t) => t.toFixed(1)).join(' '));
}
const { targetPage } = await import('./src/features/targeting/target.ts');
for (const [name, where] of Object.entries(qs)) {
  const a: number[] = [], b: number[] = [];
  for (let i = 0; i < 8; i++) {
    let t = performance.now();
    const r = await targetPage(ctx, { entity: 'contact', where } as any, { page: 1, pageSize: 50 });
    a.push(performance.now() - t);
    t = performance.now();
    await searchQuery(ctx, { query: { entity: 'contact', where }, page: 1, pageSize: 50 });
    b.push(performance.now() - t);
  }
  console.log('min', name, 'targetPage', Math.min(...a).toFixed(1), 'search', Math.min(...b).toFixed(1));
}
