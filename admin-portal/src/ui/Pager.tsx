import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n/useT.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

export type PagerProps = {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
};

/** « Page précédente », « Page 2 sur 5 », « Page suivante »; nothing for one page. */
export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const styles = useStyles();
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;

  return (
    <nav aria-label={t('pager.label')} className={styles.root}>
      <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.previous')}
      </Button>
      <span>{t('pager.pageOf', { page, pages })}</span>
      <Button disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </Button>
    </nav>
  );
}
