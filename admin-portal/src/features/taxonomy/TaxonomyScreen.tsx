import type { TermDto, TermUsageDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useResource } from '../../ui/useResource.ts';
import { AdminOnly } from '../admin/AdminOnly.tsx';
import { useRecordListStyles } from '../admin/recordListStyles.ts';
import { DeletedTerms } from './DeletedTerms.tsx';
import { TermLevel } from './TermLevel.tsx';
import { usageLookup } from './taxonomyTree.ts';

type LevelsProps = {
  live: TermDto[];
  usage: TermUsageDto[];
  deleted: TermDto[];
  onChanged: (notice: string | null) => void;
};

/** The three kinds of term, then the deleted ones. */
function Levels({ live, usage, deleted, onChanged }: LevelsProps) {
  const t = useT();
  const usageOf = usageLookup(usage);

  return (
    <>
      {(['domain', 'sector', 'category'] as const).map((kind) => (
        <TermLevel
          key={kind}
          kind={kind}
          terms={live}
          usageOf={usageOf}
          onChanged={onChanged}
        />
      ))}
      <DeletedTerms
        deleted={deleted}
        live={live}
        onRestored={(term) =>
          onChanged(t('taxo.restored', { label: term.label }))
        }
      />
    </>
  );
}

/** The taxonomy, read again after each change with its notice above. */
function Taxonomy() {
  const t = useT();
  const client = useApi();
  const [notice, setNotice] = useState<string | null>(null);
  const data = useResource(
    () =>
      Promise.all([
        client.taxonomy.list(),
        client.taxonomy.usage(),
        client.taxonomy.deleted(),
      ]),
    'taxonomy',
    { quietReload: true },
  );
  const changed = (message: string | null) => {
    setNotice(message);
    data.reload();
  };

  return (
    <>
      {notice && <Notice>{notice}</Notice>}
      {data.status === 'loading' && <LoadingState label={t('app.loading')} />}
      {data.status === 'error' && (
        <ErrorMessage
          message={errorMessage(data.error, t)}
          onRetry={data.reload}
        />
      )}
      {data.status === 'done' && (
        <Levels
          live={data.data[0].items}
          usage={data.data[1].items}
          deleted={data.data[2].items}
          onChanged={changed}
        />
      )}
    </>
  );
}

/**
 * Administration → « Taxonomie » (R4): domains with their sub-domains,
 * sectors and categories, each created, renamed, moved, ordered, deleted
 * (saying how many contacts and companies use it) and restored.
 */
export function TaxonomyScreen() {
  const styles = useRecordListStyles();
  const t = useT();

  return (
    <AdminOnly title={t('taxo.title')}>
      <PageHeading focusOnMount>{t('taxo.title')}</PageHeading>
      <p className={styles.intro}>{t('taxo.intro')}</p>
      <Taxonomy />
    </AdminOnly>
  );
}
