import { tokens } from '@fluentui/react-components';

/**
 * A list of cards side by side, as many as the width holds, one a row on a
 * phone: the administration home's screens, the deleted records.
 */
export const cardGrid = {
  listStyleType: 'none',
  margin: 0,
  padding: 0,
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 20rem), 1fr))',
  gap: tokens.spacingHorizontalL,
} as const;

/** One card of a `cardGrid`. */
export const gridCard = {
  display: 'flex',
  flexDirection: 'column',
  rowGap: tokens.spacingVerticalXS,
  padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  borderRadius: tokens.borderRadiusLarge,
  backgroundColor: tokens.colorNeutralBackground1,
  boxShadow: tokens.shadow4,
} as const;
