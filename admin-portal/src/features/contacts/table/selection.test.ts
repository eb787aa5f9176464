/// <reference types="mocha" />
import { expect } from 'chai';
import type { TargetQuery } from 'core-api/client';
import {
  everything,
  isSelected,
  noSelection,
  selectedCount,
  selectionQuery,
  toggled,
  withRows,
} from './selection.ts';

const press: TargetQuery = {
  entity: 'contact',
  where: {
    op: 'and',
    items: [{ field: 'contactType', operator: 'in', value: ['press'] }],
  },
};

describe('table selection', () => {
  it('ticks rows one by one or by runs, and counts them', () => {
    let selection = withRows(noSelection, [4, 5, 6], true);
    selection = toggled(selection, 5);
    expect(isSelected(selection, 4)).to.equal(true);
    expect(isSelected(selection, 5)).to.equal(false);
    expect(selectedCount(selection, 1000)).to.equal(2);
    expect(selectionQuery(selection, press)).to.deep.equal({
      entity: 'contact',
      where: {
        op: 'and',
        items: [{ field: 'id', operator: 'in', value: [4, 6] }],
      },
    });
  });

  it('stands for the filters less the rows unticked once all are chosen', () => {
    expect(selectionQuery(everything(), press)).to.equal(press);
    const selection = withRows(everything(), [7, 9], false);
    expect(isSelected(selection, 7)).to.equal(false);
    expect(isSelected(selection, 8)).to.equal(true);
    expect(selectedCount(selection, 120)).to.equal(118);
    expect(selectionQuery(selection, press)).to.deep.equal({
      entity: 'contact',
      where: {
        op: 'and',
        items: [press.where, { field: 'id', operator: 'notIn', value: [7, 9] }],
      },
    });
    expect(selectedCount(toggled(selection, 7), 120)).to.equal(119);
  });
});
