import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The layout of the screens that list records one per line (templates,
 * sender addresses, departments, users): an intro, a bar of filters, the
 * list, each line either stacked (`item`) or spread with its buttons at
 * the end (`row`), wrapping on a phone.
 */
export const useRecordListStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
  search: { flex: '1 1 14rem', minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  what: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    flex: '1 1 16rem',
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  start: { alignSelf: 'flex-start', marginBottom: tokens.spacingVerticalS },
  /**
   * A native select is as wide as its longest option: a department named
   * with 200 characters would widen the page, so it shrinks to its line.
   */
  fit: { minWidth: 0, maxWidth: '100%' },
});
