import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { RecordLists } from 'core-api/client';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { listsHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
  },
  empty: { margin: 0, color: tokens.colorNeutralForeground3 },
});

export type RecordListsSectionProps = {
  load: () => Promise<RecordLists>;
  loadKey: string;
};

/** The lists the record is a member of, each a link, with its owner. */
export function RecordListsSection({ load, loadKey }: RecordListsSectionProps) {
  const styles = useStyles();
  const t = useT();
  const lists = useResource(load, loadKey);

  let body;
  if (lists.status === 'loading') {
    body = <LoadingState label={t('app.loading')} />;
  } else if (lists.status === 'error') {
    body = (
      <ErrorMessage
        message={errorMessage(lists.error, t)}
        onRetry={lists.reload}
      />
    );
  } else if (lists.data.items.length === 0) {
    body = <p className={styles.empty}>{t('card.lists.none')}</p>;
  } else {
    body = (
      <ul className={styles.list}>
        {lists.data.items.map((list) => (
          <li key={list.id} className={styles.item}>
            <Link href={listsHref(list.id)}>{list.name}</Link>
            {list.ownerName && (
              <Muted>{t('card.lists.owner', { name: list.ownerName })}</Muted>
            )}
          </li>
        ))}
      </ul>
    );
  }

  return <Section title={t('card.lists.title')}>{body}</Section>;
}
