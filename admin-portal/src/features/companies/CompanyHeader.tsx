import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { CompanyDto } from 'core-api/client';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';

export type CompanyHeaderProps = { company: CompanyDto };

/** The company's name, and a warning when the record was deleted. */
export function CompanyHeader({ company }: CompanyHeaderProps) {
  const t = useT();

  return (
    <>
      <PageHeading focusOnMount>{company.name}</PageHeading>
      {company.deletedAt && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('record.deleted', { date: formatDateTime(company.deletedAt) })}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
