import type { CompanyDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  RecordActions,
  type RecordActionsProps,
} from '../records/RecordActions.tsx';

export type CompanyHeaderProps = { company: CompanyDto } & Pick<
  RecordActionsProps<CompanyDto>,
  'status' | 'onDelete' | 'onDeleted' | 'onRestore' | 'onRestored'
>;

/** The company's name, buttons to call, write, delete; restore when deleted. */
export function CompanyHeader({ company, ...actions }: CompanyHeaderProps) {
  const t = useT();
  const { phone } = company;

  return (
    <>
      <PageHeading focusOnMount>{company.name}</PageHeading>
      <RecordActions
        {...actions}
        name={company.name}
        deletedAt={company.deletedAt}
        phone={
          phone?.e164 ? { e164: phone.e164, display: phone.display } : null
        }
        email={company.email}
        deleteBody={t('card.delete.companyBody')}
      />
    </>
  );
}
