import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { SearchHit } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';

const colorOf: Record<SearchHit['match'], BadgeProps['color']> = {
  exact: 'success',
  prefix: 'informative',
  phonetic: 'warning',
};

export type MatchBadgeProps = { match: SearchHit['match'] };

/** How a hit matched: exact, word start or phonetic. */
export function MatchBadge({ match }: MatchBadgeProps) {
  const t = useT();

  return (
    <Badge appearance="tint" color={colorOf[match]} size="small">
      {t(`search.match.${match}`)}
    </Badge>
  );
}
