import { useApi } from '../../ApiContext.ts';
import { errorMessage, isNotFound } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { targetingHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useResource } from '../../ui/useResource.ts';
import { Link } from '@fluentui/react-components';
import { PickerDataContext, type PickerData } from './PickerData.ts';
import { QueryWorkspace } from './QueryWorkspace.tsx';

/** The taxonomy and the lists the value editors offer; empty until read. */
function usePickerSources(): PickerData {
  const client = useApi();
  const terms = useResource(() => client.taxonomy.list(), 'terms');
  const lists = useResource(
    () => client.lists.list({ pageSize: 200 }),
    'lists-for-picker',
  );

  return {
    terms: terms.status === 'done' ? terms.data.items : [],
    lists:
      lists.status === 'done'
        ? lists.data.items.map((list) => ({
            id: list.id,
            name: list.name,
            entity: list.entity,
          }))
        : [],
  };
}

function SavedQueryLoader({ id }: { id: number }) {
  const t = useT();
  const client = useApi();
  const saved = useResource(
    () => client.savedQueries.get(id),
    `saved-query:${id}`,
    // After a save the builder stays as it is; only the version moves on.
    { quietReload: true },
  );

  if (saved.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (saved.status === 'error') {
    return (
      <>
        <PageHeading focusOnMount>{t('targeting.title')}</PageHeading>
        <ErrorMessage
          message={
            isNotFound(saved.error)
              ? t('savedQuery.notFound')
              : errorMessage(saved.error, t)
          }
          onRetry={isNotFound(saved.error) ? undefined : saved.reload}
        />
        <Link href={targetingHref()}>{t('savedQuery.newQuery')}</Link>
      </>
    );
  }

  return <QueryWorkspace saved={saved.data} onSaved={saved.reload} />;
}

export type TargetingScreenProps = {
  /** A saved query to open, else an empty query. */
  savedQueryId?: number;
};

/**
 * « Ciblage »: the query builder with its live count and results, saved
 * queries, a list or an export made from the query.
 */
export function TargetingScreen({ savedQueryId }: TargetingScreenProps) {
  const sources = usePickerSources();

  return (
    <PickerDataContext.Provider value={sources}>
      {savedQueryId === undefined ? (
        <QueryWorkspace />
      ) : (
        <SavedQueryLoader key={savedQueryId} id={savedQueryId} />
      )}
    </PickerDataContext.Provider>
  );
}
