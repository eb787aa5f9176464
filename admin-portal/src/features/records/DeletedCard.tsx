import {
  Button,
  Checkbox,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatDateTime } from '../../format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { contactHref } from '../../routing/route.ts';
import { gridCard } from '../../ui/cardGrid.ts';

/** A deleted contact or company as its card shows it. */
export type DeletedItem = {
  id: number;
  name: string;
  /** Company and function of a contact; city and type of a company. */
  detail: string;
  deletedAt: string;
  deletedBy: string | null;
  /** A merged contact comes back by undoing its merge, not from here. */
  mergedIntoId: number | null;
};

const useStyles = makeStyles({
  card: { ...gridCard, minWidth: 0, overflowWrap: 'anywhere' },
  name: { fontWeight: tokens.fontWeightSemibold },
  line: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

export type DeletedCardProps = {
  entity: 'contact' | 'company';
  item: DeletedItem;
  /** The record's card (an administrator sees it with « Restaurer »). */
  href: string;
  ticked: boolean;
  onTick: (on: boolean) => void;
  /** A restore is running: the buttons wait. */
  busy: boolean;
  onRestore: () => void;
};

/**
 * One deleted record: its name to tick, what it was, when it went and by
 * whom, « Restaurer » and its card; a merged contact points to the contact
 * it went into instead.
 */
export function DeletedCard({
  entity,
  item,
  href,
  ticked,
  onTick,
  busy,
  onRestore,
}: DeletedCardProps) {
  const styles = useStyles();
  const t = useT();
  const date = formatDateTime(item.deletedAt);
  const when: MessageKey = item.deletedBy
    ? `deleted.when.${entity}`
    : `deleted.when.${entity}.unknown`;
  const survivor = item.mergedIntoId;

  return (
    <li className={styles.card}>
      <Checkbox
        label={<span className={styles.name}>{item.name}</span>}
        checked={ticked}
        disabled={survivor !== null}
        onChange={(_, data) => onTick(data.checked === true)}
      />
      {item.detail && <p className={styles.line}>{item.detail}</p>}
      <p className={styles.line}>
        {t(when, { date, who: item.deletedBy ?? '' })}
      </p>
      {survivor !== null && (
        <p className={styles.line}>{t('deleted.merged')}</p>
      )}
      <div className={styles.actions}>
        {survivor === null ? (
          <Button
            size="small"
            disabledFocusable={busy}
            aria-label={t('deleted.restore.one', { name: item.name })}
            onClick={onRestore}
          >
            {t('deleted.restore')}
          </Button>
        ) : (
          <Link href={contactHref(survivor)}>
            {t('deleted.survivor', { id: survivor })}
          </Link>
        )}
        <Link
          href={href}
          aria-label={t('deleted.open.one', { name: item.name })}
        >
          {t('deleted.open')}
        </Link>
      </div>
    </li>
  );
}
