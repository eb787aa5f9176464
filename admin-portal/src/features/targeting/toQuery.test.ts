/// <reference types="mocha" />
import { expect } from 'chai';
import type { QueryGroup } from 'core-api/client';
import { parseFrenchDate } from './dates.ts';
import {
  appendTo,
  countCriteria,
  newCriterion,
  newGroup,
  removeNode,
  updateNode,
} from './queryDraft.ts';
import { fromWhere, isComplete, toWhere } from './toQuery.ts';

describe('query draft', () => {
  it('adds, changes and removes rows anywhere in the tree', () => {
    const root = newGroup();
    const inner = newGroup('or');
    const press = newCriterion('contactType', 'in', ['press']);
    let tree = appendTo(appendTo(root, root.key, press), root.key, inner);
    tree = appendTo(tree, inner.key, newCriterion('city', 'eq', 'Albi'));
    expect(countCriteria(tree)).to.equal(2);

    tree = updateNode(tree, press.key, (node) => ({ ...node, value: ['vip'] }));
    expect((tree.items[0] as typeof press).value).to.deep.equal(['vip']);

    tree = removeNode(tree, inner.key);
    expect(countCriteria(tree)).to.equal(1);
    expect(root.items).to.have.length(0);
  });

  it('sends complete rows only and drops the groups they leave empty', () => {
    const root = newGroup();
    const half = newGroup('or');
    half.not = true;
    half.items = [newCriterion('city', 'in', [])];
    const dates = newGroup('or');
    dates.items = [
      newCriterion('updatedAt', 'lastMonths', 12),
      newCriterion('createdAt', 'between', ['2026-03-01', '2026-01-01']),
      newCriterion('hasEmail', 'is', true),
    ];
    root.items = [
      newCriterion('lastName', 'startsWith', '  Dur '),
      newCriterion('notes', 'notEmpty', null),
      half,
      dates,
    ];

    expect(toWhere('contact', root)).to.deep.equal({
      op: 'and',
      items: [
        { field: 'lastName', operator: 'startsWith', value: 'Dur' },
        { field: 'notes', operator: 'notEmpty' },
        {
          op: 'or',
          items: [
            { field: 'updatedAt', operator: 'lastMonths', value: 12 },
            { field: 'hasEmail', operator: 'is', value: true },
          ],
        },
      ],
    });
  });

  it('refuses an operator the field does not allow, or a bad count', () => {
    expect(isComplete('contact', newCriterion('city', 'soundsLike', 'Albi'))).to
      .be.false;
    expect(isComplete('contact', newCriterion('updatedAt', 'lastMonths', 0))).to
      .be.false;
    expect(isComplete('contact', newCriterion('nope', 'eq', 'x'))).to.be.false;
  });

  it('reads a saved tree back, a negated criterion as a negated group', () => {
    const where: QueryGroup = {
      op: 'or',
      items: [
        { field: 'department', operator: 'in', value: ['31', '81'] },
        { field: 'list', operator: 'in', value: [4], not: true },
        { op: 'and', not: true, items: [] },
      ],
    };
    const draft = fromWhere(where);

    expect(draft.op).to.equal('or');
    expect(draft.items[1]).to.include({ kind: 'group', not: true });
    expect(toWhere('contact', draft)).to.deep.equal({
      op: 'or',
      items: [
        { field: 'department', operator: 'in', value: ['31', '81'] },
        {
          op: 'and',
          not: true,
          items: [{ field: 'list', operator: 'in', value: [4] }],
        },
      ],
    });
  });

  it('reads dd/mm/yyyy dates and refuses impossible ones', () => {
    expect(parseFrenchDate('5/3/2026')).to.equal('2026-03-05');
    expect(parseFrenchDate(' 29/02/2028 ')).to.equal('2028-02-29');
    expect(parseFrenchDate('29/02/2026')).to.equal(undefined);
    expect(parseFrenchDate('2026-03-05')).to.equal(undefined);
  });
});
