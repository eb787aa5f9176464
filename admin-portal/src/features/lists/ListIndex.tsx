import {
  Badge,
  Field,
  Input,
  Link,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from '@fluentui/react-components';
import type { ListDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { listsHref } from '../../routing/route.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LiveMessage } from '../../ui/LiveMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';
import { formatCount } from '../targeting/CountSummary.tsx';
import { NewListForm } from './NewListForm.tsx';
import { PendingRequests } from './PendingRequests.tsx';
import { memberCountText } from './listText.ts';
import { useReloadOnRevision } from './useRevision.ts';

const PAGE_SIZE = 25;

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
  search: { flex: '1 1 14rem', minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
});

function ListItem({ list }: { list: ListDto }) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();

  return (
    <li className={styles.item}>
      <div className={styles.top}>
        <Link href={listsHref(list.id)} className={styles.name}>
          {list.name}
        </Link>
        {list.pendingCount > 0 && (
          <Badge appearance="filled" color="important">
            {t('lists.pendingCount', {
              count: formatCount(list.pendingCount, locale),
            })}
          </Badge>
        )}
      </div>
      <Muted>
        {[
          memberCountText(list.entity, list.memberCount, t, locale),
          t('lists.ownedBy', { name: list.owner.displayName }),
          t('lists.updatedOn', {
            date: formatDateTime(list.updatedAt).slice(0, 10),
          }),
        ].join(' · ')}
      </Muted>
    </li>
  );
}

/**
 * « Listes »: the requests waiting for my decision, the lists (mine or
 * everyone's, of contacts or of companies) a page at a time, a new list.
 */
export function ListIndex() {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [owner, setOwner] = useState<'me' | 'all'>('all');
  const [entity, setEntity] = useState<'' | 'contact' | 'company'>('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = {
    owner,
    entity: entity || undefined,
    q: q.trim() || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  // Filters and pages keep the list on screen while the next is read.
  const lists = useResource(() => client.lists.list(query), 'lists', {
    quietReload: true,
  });
  useReloadOnRevision(JSON.stringify(query), lists.reload);
  const filter = (change: () => void) => {
    change();
    setPage(1);
  };

  return (
    <>
      <PageHeading focusOnMount>{t('lists.title')}</PageHeading>
      <p className={styles.intro}>{t('lists.intro')}</p>
      <PendingRequests />
      <Section title={t('lists.all')}>
        <div className={styles.filters}>
          <Field label={t('lists.filter.owner')}>
            <RadioGroup
              layout="horizontal"
              value={owner}
              onChange={(_, data) =>
                filter(() => setOwner(data.value as 'me' | 'all'))
              }
            >
              <Radio value="all" label={t('lists.filter.all')} />
              <Radio value="me" label={t('lists.filter.mine')} />
            </RadioGroup>
          </Field>
          <Field label={t('lists.filter.entity')}>
            <Select
              value={entity}
              onChange={(_, data) =>
                filter(() => setEntity(data.value as typeof entity))
              }
            >
              <option value="">{t('lists.filter.anyEntity')}</option>
              <option value="contact">{t('lists.entity.contact')}</option>
              <option value="company">{t('lists.entity.company')}</option>
            </Select>
          </Field>
          <Field label={t('lists.filter.name')} className={styles.search}>
            <Input
              type="search"
              value={q}
              onChange={(_, data) => filter(() => setQ(data.value))}
            />
          </Field>
        </div>
        {lists.status === 'loading' && (
          <LoadingState label={t('app.loading')} />
        )}
        {lists.status === 'error' && (
          <ErrorMessage
            message={errorMessage(lists.error, t)}
            onRetry={lists.reload}
          />
        )}
        {lists.status === 'done' && (
          <LiveMessage>
            {t(lists.data.total === 1 ? 'lists.found.one' : 'lists.found', {
              count: lists.data.total,
            })}
          </LiveMessage>
        )}
        {lists.status === 'done' && lists.data.total === 0 && (
          <EmptyState title={t('lists.empty')}>
            {t('lists.emptyHint')}
          </EmptyState>
        )}
        {lists.status === 'done' && lists.data.total > 0 && (
          <>
            <ul aria-label={t('lists.all')} className={styles.list}>
              {lists.data.items.map((list) => (
                <ListItem key={list.id} list={list} />
              ))}
            </ul>
            <Pager
              page={lists.data.page}
              pageSize={PAGE_SIZE}
              total={lists.data.total}
              onPage={setPage}
            />
          </>
        )}
      </Section>
      <NewListForm />
    </>
  );
}
