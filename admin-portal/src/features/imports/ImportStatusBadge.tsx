import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { ImportBatchDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';

const colorOf: Record<ImportBatchDto['status'], BadgeProps['color']> = {
  staging: 'informative',
  staged: 'warning',
  committing: 'informative',
  running: 'informative',
  committed: 'success',
  failed: 'danger',
  discarded: 'subtle',
  undone: 'subtle',
  expired: 'subtle',
};

export type ImportStatusBadgeProps = { status: ImportBatchDto['status'] };

/** Where an import stands, in words. */
export function ImportStatusBadge({ status }: ImportStatusBadgeProps) {
  const t = useT();

  return (
    <Badge appearance="tint" color={colorOf[status]}>
      {t(`importStatus.${status}`)}
    </Badge>
  );
}
