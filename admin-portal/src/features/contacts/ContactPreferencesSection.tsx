import { makeStyles, tokens } from '@fluentui/react-components';
import type { ContactDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { DetailItem } from '../../ui/DetailItem.tsx';
import { DetailList } from '../../ui/DetailList.tsx';

const useStyles = makeStyles({
  refused: {
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const CHANNELS = ['email', 'sms', 'post', 'phone'] as const;

export type ContactPreferencesDetailsProps = { contact: ContactDto };

/** Do-not-contact and the opt-out of each channel. */
export function ContactPreferencesDetails({
  contact,
}: ContactPreferencesDetailsProps) {
  const styles = useStyles();
  const t = useT();

  return (
    <DetailList>
      <DetailItem label={t('field.doNotContact')}>
        {contact.doNotContact ? (
          <span className={styles.refused}>{t('common.yes')}</span>
        ) : (
          t('common.no')
        )}
      </DetailItem>
      {CHANNELS.map((channel) => (
        <DetailItem key={channel} label={t(`channel.${channel}`)}>
          {contact.optOut[channel] ? (
            <span className={styles.refused}>{t('optOut.refused')}</span>
          ) : (
            t('optOut.allowed')
          )}
        </DetailItem>
      ))}
    </DetailList>
  );
}
