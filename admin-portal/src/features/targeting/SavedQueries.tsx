import {
  Link,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { targetingHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '14rem',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  current: { fontWeight: tokens.fontWeightSemibold },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export type SavedQueriesProps = { currentId?: number };

/**
 * « Requêtes enregistrées »: mine or everyone's, each opened in the builder,
 * where it is evaluated again (a saved query is dynamic).
 */
export function SavedQueries({ currentId }: SavedQueriesProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [owner, setOwner] = useState<'all' | 'mine'>('all');
  const queries = useResource(
    () => client.savedQueries.list({ owner }),
    `saved-queries:${owner}`,
    { quietReload: true },
  );

  return (
    <Section title={t('savedQueries.title')}>
      <div className={styles.body}>
        <RadioGroup
          layout="horizontal"
          aria-label={t('savedQueries.whose')}
          value={owner}
          onChange={(_, data) => setOwner(data.value as 'all' | 'mine')}
        >
          <Radio value="all" label={t('savedQueries.all')} />
          <Radio value="mine" label={t('savedQueries.mine')} />
        </RadioGroup>
        {queries.status === 'loading' && (
          <LoadingState label={t('app.loading')} />
        )}
        {queries.status === 'error' && (
          <ErrorMessage
            message={errorMessage(queries.error, t)}
            onRetry={queries.reload}
          />
        )}
        {queries.status === 'done' && queries.data.items.length === 0 && (
          <p className={styles.empty}>{t('savedQueries.empty')}</p>
        )}
        {queries.status === 'done' && queries.data.items.length > 0 && (
          <ul aria-label={t('savedQueries.title')} className={styles.list}>
            {queries.data.items.map((saved) => (
              <li key={saved.id} className={styles.item}>
                <Link
                  href={targetingHref(saved.id)}
                  aria-current={saved.id === currentId ? 'page' : undefined}
                  className={
                    saved.id === currentId ? styles.current : undefined
                  }
                >
                  {saved.name}
                </Link>
                <Muted>
                  {[
                    t(`targeting.entity.${saved.entity}`),
                    t('savedQueries.owner', { name: saved.ownerName ?? '—' }),
                    t('savedQueries.updated', {
                      date: formatDateTime(saved.updatedAt).slice(0, 10),
                    }),
                  ].join(' · ')}
                </Muted>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
