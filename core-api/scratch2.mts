import { Sequelize } from 'sequelize';
import { compileQuery, countSql, pageSql } from './src/features/targeting/query-sql.ts';
const s = new Sequelize({ dialect: 'sqlite', storage: '/tmp/relais-bench-targeting-EehQK6/targeting.sqlite', logging: false });
const and = (...items: any[]) => ({ op: 'and', items });
const or = (...items: any[]) => ({ op: 'or', items });
const crit = (field: string, operator: string, value?: unknown) => ({ field, operator, value });
const which = process.argv[2];
const qs: Record<string, any> = {
  p318182: and(crit('contactType','in',['press']), crit('department','in',['31','81','82']), crit('terms','anyOf',[14,15,19,26])),
  nested: and(or(and(crit('contactType','in',['press']), crit('terms','anyOf',[24])), and(crit('contactType','in',['decision_maker','vip']), or(crit('region','in',['11']), crit('region','in',['84'])))), crit('hasEmail','is',true)),
  chef: and(crit('function','contains','chef'), crit('department','in',['75'])),
};
const c = compileQuery(s, { entity: 'contact', where: qs[which] } as any, { termAndDescendants: (i: number) => [i], now: new Date() }, undefined);
console.log(process.argv[3] === 'page' ? pageSql(c, undefined, 50, 0) : countSql(c));
