import {
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';

/** Rows of members and requests: wrap on a phone, a rule between them. */
export const useRowStyles = makeStyles({
  heading: {
    ...typographyStyles.subtitle2,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});
