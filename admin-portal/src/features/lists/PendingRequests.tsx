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
import { listsHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useSession } from '../auth/SessionContext.ts';
import { requestText } from './listText.ts';
import { useReloadOnRevision } from './useRevision.ts';

const PAGE_SIZE = 20;

const useStyles = makeStyles({
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
  what: { fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontStyle: 'italic' },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * « Demandes à décider »: the additions and removals proposed on my lists,
 * each leading to its list where it is decided; nothing when none waits.
 * An administrator may show every owner's, to decide in their place.
 */
export function PendingRequests() {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const { user } = useSession();
  const [page, setPage] = useState(1);
  // An administrator may decide in any owner's place: all lists on request.
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  // One key for every page and scope: the section stays (and the focus in
  // it) while the next answer is read.
  const pending = useResource(
    () => client.lists.pending({ scope, page, pageSize: PAGE_SIZE }),
    'pending-requests',
    { quietReload: true },
  );
  useReloadOnRevision(`${scope}:${page}`, pending.reload);

  if (pending.status === 'loading') return null;
  if (pending.status === 'error') {
    return (
      <ErrorMessage
        message={errorMessage(pending.error, t)}
        onRetry={pending.reload}
      />
    );
  }
  const admin = user?.role === 'admin';
  const { total } = pending.data;
  if (total === 0 && !admin) return null;

  return (
    <Section title={t('lists.toDecide', { count: total })}>
      {admin && (
        <RadioGroup
          layout="horizontal"
          aria-label={t('lists.toDecideScope')}
          value={scope}
          onChange={(_, data) => {
            setScope(data.value as 'mine' | 'all');
            setPage(1);
          }}
        >
          <Radio value="mine" label={t('lists.toDecideMine')} />
          <Radio value="all" label={t('lists.toDecideAll')} />
        </RadioGroup>
      )}
      {total === 0 && <p className={styles.empty}>{t('lists.noneToDecide')}</p>}
      <ul aria-label={t('lists.toDecideList')} className={styles.list}>
        {pending.data.items.map((request) => (
          <li key={request.id} className={styles.item}>
            <span className={styles.what}>{requestText(request, t)}</span>
            <Link href={listsHref(request.listId)}>
              {t('lists.decideOn', { list: request.listName })}
            </Link>
            <Muted>
              {t('requests.proposedBy', {
                name: request.proposedBy.displayName,
                date: formatDateTime(request.proposedAt),
              })}
            </Muted>
            {request.note && <p className={styles.note}>{request.note}</p>}
          </li>
        ))}
      </ul>
      <Pager
        page={pending.data.page}
        pageSize={PAGE_SIZE}
        total={pending.data.total}
        onPage={setPage}
      />
    </Section>
  );
}
