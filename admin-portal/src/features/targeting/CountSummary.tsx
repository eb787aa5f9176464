import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { Channel, TargetEntity } from 'core-api/client';
import { errorMessage } from '../../api.ts';
import type { Locale } from '../../i18n/messages.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import type { LiveTarget } from './useTargetPage.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    minHeight: tokens.lineHeightBase500,
  },
  numbers: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalL,
    margin: 0,
  },
  matched: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  excluded: { color: tokens.colorNeutralForeground2 },
});

const counts = new Map<Locale, Intl.NumberFormat>();

/** A count with the reader's digit grouping: `12 345`, `12,345`. */
export function formatCount(value: number, locale: Locale): string {
  let format = counts.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB');
    counts.set(locale, format);
  }

  return format.format(value);
}

export type CountSummaryProps = {
  live: LiveTarget;
  entity: TargetEntity;
  channel?: Channel;
  onRetry?: () => void;
};

/**
 * « 1 234 contacts correspondent », and for a channel how many are left
 * out (opted out or not to be contacted) and how many remain; announced
 * politely when it changes, once the count has settled.
 */
export function CountSummary({
  live,
  entity,
  channel,
  onRetry,
}: CountSummaryProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const count = live.data?.count;

  if (live.status === 'error') {
    return (
      <ErrorMessage message={errorMessage(live.error, t)} onRetry={onRetry} />
    );
  }

  const matched =
    count &&
    t(
      entity === 'company'
        ? count.matched === 1
          ? 'targeting.count.company'
          : 'targeting.count.companies'
        : count.matched === 1
          ? 'targeting.count.contact'
          : 'targeting.count.contacts',
      { count: formatCount(count.matched, locale) },
    );
  const excluded =
    count &&
    channel &&
    t('targeting.count.excluded', {
      excluded: formatCount(count.excluded, locale),
      channel: t(`channel.${channel}`),
      included: formatCount(count.included, locale),
    });

  return (
    <div className={styles.root}>
      <p
        role="status"
        aria-live="polite"
        aria-atomic="true"
        aria-busy={live.status === 'loading'}
        className={styles.numbers}
      >
        {matched && <span className={styles.matched}>{matched}</span>}
        {excluded && <span className={styles.excluded}>{excluded}</span>}
      </p>
      {live.status === 'loading' && (
        <Spinner size="extra-tiny" label={t('targeting.counting')} />
      )}
    </div>
  );
}
