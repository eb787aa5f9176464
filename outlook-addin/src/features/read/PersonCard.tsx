import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { PersonCard as Card } from 'core-api/client';
import { formatDay } from '../../format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  heading: {
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/**
 * A contact of the base, compact: function, organisation, contact type,
 * lists and latest exchanges, with a link to the full card in the portal.
 */
export function PersonCard(props: { card: Card; portalUrl: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { contact, lists, latest } = props.card;

  return (
    <section aria-label={contact.displayName}>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('card.function')}</dt>
        <dd className={styles.value}>{contact.function ?? '—'}</dd>
        <dt className={styles.term}>{t('card.company')}</dt>
        <dd className={styles.value}>{contact.company ?? '—'}</dd>
        <dt className={styles.term}>{t('card.type')}</dt>
        <dd className={styles.value}>
          <Badge appearance="tint">
            {t(`contactType.${contact.contactType}`)}
          </Badge>
        </dd>
      </dl>
      <h4 className={styles.heading}>{t('card.lists')}</h4>
      {lists.length === 0 ? (
        <p className={styles.muted}>{t('card.noLists')}</p>
      ) : (
        <ul className={styles.list}>
          {lists.map((list) => (
            <li key={list.id}>{list.name}</li>
          ))}
        </ul>
      )}
      <h4 className={styles.heading}>{t('card.history')}</h4>
      {latest.length === 0 ? (
        <p className={styles.muted}>{t('card.noHistory')}</p>
      ) : (
        <ul className={styles.list}>
          {latest.map((line) => (
            <li key={line.id}>
              {formatDay(line.occurredAt)} · {t(`kind.${line.kind}`)}
              {line.subject ? ` : ${line.subject}` : ''}
            </li>
          ))}
        </ul>
      )}
      <Link
        href={`${props.portalUrl}/#/contacts/${contact.id}`}
        target="_blank"
        rel="noreferrer"
      >
        {t('card.openInPortal')}
      </Link>
    </section>
  );
}
