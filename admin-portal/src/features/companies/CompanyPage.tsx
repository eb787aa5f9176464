import { useApi } from '../../ApiContext.ts';
import { errorMessage, worthRetrying } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useResource } from '../../ui/useResource.ts';
import { CompanyCard } from './CompanyCard.tsx';

export type CompanyPageProps = { id: number };

/** The screen `#/companies/:id`: loads the company, then shows its card. */
export function CompanyPage({ id }: CompanyPageProps) {
  const t = useT();
  const client = useApi();
  const company = useResource(() => client.companies.get(id), `company:${id}`);

  if (company.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (company.status === 'error') {
    return (
      <ErrorMessage
        message={errorMessage(company.error, t)}
        onRetry={worthRetrying(company.error) ? company.reload : undefined}
      />
    );
  }

  return <CompanyCard company={company.data} />;
}
