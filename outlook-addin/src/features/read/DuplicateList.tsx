import {
  Badge,
  Button,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PossibleDuplicate } from 'core-api/client';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

const useStyles = makeStyles({
  root: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const fieldKeys: Record<string, MessageKey> = {
  email: 'capture.field.email',
  phone: 'capture.field.phone',
  lastName: 'capture.field.lastName',
  firstName: 'capture.field.firstName',
  company: 'capture.field.company',
  outlet: 'capture.field.outlet',
};

/**
 * The contacts the capture may duplicate: each can be opened in the
 * portal, or completed with what the e-mail shows instead of creating a
 * second record.
 */
export function DuplicateList(props: {
  candidates: PossibleDuplicate[];
  portalUrl: string;
  busy: boolean;
  onComplete: (candidate: PossibleDuplicate) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();

  return (
    <section className={styles.root} aria-labelledby="duplicates-title">
      <h3 id="duplicates-title">{t('capture.duplicates.title')}</h3>
      <p>{t('capture.duplicates.intro')}</p>
      <ul className={styles.list}>
        {props.candidates.map((candidate) => {
          const { contact } = candidate;
          const fields = candidate.fields
            .map((field) => (fieldKeys[field] ? t(fieldKeys[field]) : field))
            .join(', ');

          return (
            <li key={contact.id} className={styles.item}>
              <strong>{contact.displayName}</strong>
              <span>
                {[contact.function, contact.company, contact.primaryEmail]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span>
                <Badge
                  appearance="tint"
                  color={candidate.outcome === 'same' ? 'danger' : 'warning'}
                >
                  {t(
                    candidate.outcome === 'same'
                      ? 'capture.duplicates.same'
                      : 'capture.duplicates.maybe',
                  )}
                </Badge>{' '}
                {fields && t('capture.duplicates.fields', { fields })}
              </span>
              <span className={styles.actions}>
                <Button
                  size="small"
                  appearance="primary"
                  disabled={props.busy}
                  onClick={() => props.onComplete(candidate)}
                  aria-label={`${t('capture.duplicates.complete')} : ${contact.displayName}`}
                >
                  {t('capture.duplicates.complete')}
                </Button>
                <Link
                  href={`${props.portalUrl}/#/contacts/${contact.id}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t('capture.duplicates.open')}
                </Link>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
