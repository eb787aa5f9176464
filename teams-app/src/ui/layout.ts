import { makeStyles, tokens } from '@fluentui/react-components';

/** The tab's page layouts: one column, and a narrow one for short pages. */
export const useLayout = makeStyles({
  column: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  narrow: { maxWidth: '36rem' },
});
