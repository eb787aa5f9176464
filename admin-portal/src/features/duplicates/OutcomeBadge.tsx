import { Badge } from '@fluentui/react-components';
import { useT } from '../../i18n/useT.ts';
import type { DuplicatePairDto } from 'core-api/client';

export type OutcomeBadgeProps = { outcome: DuplicatePairDto['outcome'] };

/** « Doublon sûr » or « Doublon possible ». */
export function OutcomeBadge({ outcome }: OutcomeBadgeProps) {
  const t = useT();

  return (
    <Badge
      appearance="filled"
      color={outcome === 'same' ? 'brand' : 'informative'}
    >
      {t(`duplicates.outcome.${outcome}`)}
    </Badge>
  );
}
