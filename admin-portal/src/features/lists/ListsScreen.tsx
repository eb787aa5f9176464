import { Link, makeStyles } from '@fluentui/react-components';
import { useT } from '../../i18n/useT.ts';
import { listsHref, type Route } from '../../routing/route.ts';
import { ListIndex } from './ListIndex.tsx';
import { ListPage } from './ListPage.tsx';

const useStyles = makeStyles({ back: { alignSelf: 'flex-start' } });

export type ListsScreenProps = {
  route: Extract<Route, { name: 'lists' | 'list' }>;
};

/** The section « Listes »: every list and the requests waiting, or one list. */
export function ListsScreen({ route }: ListsScreenProps) {
  const styles = useStyles();
  const t = useT();

  if (route.name === 'lists') return <ListIndex />;

  return (
    <>
      <Link href={listsHref()} className={styles.back}>
        {t('lists.back')}
      </Link>
      <ListPage key={route.id} id={route.id} />
    </>
  );
}
