import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import type { ListDto, TargetQuery } from 'core-api/client';
import { useReducer, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, isApiError, isNotFound } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useResource } from '../../ui/useResource.ts';
import { ExportDialog } from '../exports/ExportDialog.tsx';
import { AddMembers } from './AddMembers.tsx';
import { ChangeRequests } from './ChangeRequests.tsx';
import { HandOver } from './HandOver.tsx';
import { ListHistory } from './ListHistory.tsx';
import { ListMembers } from './ListMembers.tsx';
import { ListSettings } from './ListSettings.tsx';
import { memberCountText } from './listText.ts';
import { announcePendingChange } from './PendingBadge.tsx';

const useStyles = makeStyles({
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  description: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
});

/** The list's members as a query: what the export dialog counts. */
function membershipQuery(list: ListDto): TargetQuery {
  return {
    entity: list.entity,
    where: {
      op: 'and',
      items: [{ field: 'list', operator: 'in', value: [list.id] }],
    },
  };
}

type ListBodyProps = {
  list: ListDto;
  /** Counts the changes made on the page: the sections read again on each. */
  revision: number;
  onChanged: () => void;
  onDeleted: () => void;
};

function ListBody({ list, revision, onChanged, onDeleted }: ListBodyProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();

  return (
    <>
      <PageHeading focusOnMount>{list.name}</PageHeading>
      <div className={styles.meta}>
        <Badge appearance="tint">{t(`lists.entity.${list.entity}`)}</Badge>
        <span>{memberCountText(list.entity, list.memberCount, t, locale)}</span>
        <Muted>
          {t('lists.ownedBy', { name: list.owner.displayName })}
          {' · '}
          {t('lists.createdOn', {
            date: formatDateTime(list.createdAt).slice(0, 10),
          })}
          {list.sourceDefinition ? ` ${t('lists.fromQuery')}` : ''}
        </Muted>
      </div>
      {list.description && (
        <p className={styles.description}>{list.description}</p>
      )}
      {!list.canManage && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t('lists.notOwner', { owner: list.owner.displayName })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <ExportDialog
          target={{ kind: 'list', listId: list.id }}
          countQuery={membershipQuery(list)}
          targetLabel={t('lists.exportWhat', { name: list.name })}
        />
      </div>
      <ChangeRequests list={list} revision={revision} onChanged={onChanged} />
      <AddMembers list={list} onChanged={onChanged} />
      <ListMembers list={list} revision={revision} onChanged={onChanged} />
      <ListHistory list={list} revision={revision} />
      <HandOver list={list} onDone={onChanged} />
      <ListSettings list={list} onChanged={onChanged} onDeleted={onDeleted} />
    </>
  );
}

export type ListPageProps = { id: number };

/** Whether the list asked for was deleted (the API says when, and by name). */
const isGone = (error: unknown) => isApiError(error) && error.code === 'GONE';

/**
 * One list: who owns it, its members, the changes waiting for the owner,
 * additions, its history, the hand-over, renaming and deleting; every
 * section reads again after a change anywhere on the page. A deleted
 * list's page says it was deleted.
 */
export function ListPage({ id }: ListPageProps) {
  const t = useT();
  const client = useApi();
  const [revision, bump] = useReducer((n: number) => n + 1, 0);
  const [deleted, setDeleted] = useState<string | null>(null);
  const list = useResource(() => client.lists.get(id), `list:${id}`, {
    quietReload: true,
  });
  const { reload } = list;

  // Deleted here: the page says so and reads nothing more.
  if (deleted !== null) {
    return (
      <>
        <PageHeading>{t('lists.deleted')}</PageHeading>
        <Notice focusOnMount>{t('listDelete.done', { name: deleted })}</Notice>
      </>
    );
  }
  if (list.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (list.status === 'error') {
    const gone = isGone(list.error);

    return (
      <>
        <PageHeading focusOnMount>
          {t(gone ? 'lists.deleted' : 'lists.title')}
        </PageHeading>
        {gone ? (
          <Notice intent="info">{errorMessage(list.error, t)}</Notice>
        ) : (
          <ErrorMessage
            message={
              isNotFound(list.error)
                ? t('lists.notFound')
                : errorMessage(list.error, t)
            }
            onRetry={isNotFound(list.error) ? undefined : reload}
          />
        )}
      </>
    );
  }

  return (
    <ListBody
      list={list.data}
      revision={revision}
      onChanged={() => {
        reload();
        bump();
        announcePendingChange();
      }}
      onDeleted={() => {
        setDeleted(list.data.name);
        // Its pending requests were closed: the badge counts again.
        announcePendingChange();
      }}
    />
  );
}
