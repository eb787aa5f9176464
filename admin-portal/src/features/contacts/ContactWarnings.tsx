import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { ContactDto } from 'core-api/client';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
});

const OPT_OUT_CHANNELS = ['email', 'sms', 'post', 'phone'] as const;

export type ContactWarningsProps = { contact: ContactDto };

/** What must be seen before reaching out: deactivation, do-not-contact, opt-outs. */
export function ContactWarnings({ contact }: ContactWarningsProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const refused = OPT_OUT_CHANNELS.filter((channel) => contact.optOut[channel]);
  if (!contact.deactivatedAt && !contact.doNotContact && refused.length === 0)
    return null;
  const channels = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    refused.map((channel) => t(`channel.${channel}`)),
  );

  return (
    <div className={styles.root}>
      {contact.deactivatedAt && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('record.deactivated', {
              date: formatDateTime(contact.deactivatedAt),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {contact.doNotContact && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('field.doNotContact')}</MessageBarTitle>
            {t('contact.doNotContact')}
          </MessageBarBody>
        </MessageBar>
      )}
      {refused.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('contact.optedOut', { channels })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
