import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import type { RestorationReportDto } from 'core-api/client';
import type { ReactNode } from 'react';
import { useLocale, useT } from '../../i18n/useT.ts';

type Result = RestorationReportDto['results'][number];

const useStyles = makeStyles({
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export type RestorationReportProps = {
  report: RestorationReportDto;
  /** The card of a record, to open one that came back. */
  hrefOf: (id: number) => string;
};

/**
 * What a restoring did: the records back, each a link to open it; those
 * refused, each with its reason in the reader's language.
 */
export function RestorationReport({ report, hrefOf }: RestorationReportProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const nameOf = (result: Result) =>
    result.name ?? t('deleted.unknownRecord', { id: result.id });
  const back = report.results.filter((result) => result.restored);
  const refused = report.results.filter((result) => !result.restored);
  const reasonOf = (result: Result) =>
    (locale === 'en' ? result.reasonEn : result.reason) ?? '';
  const bars: {
    intent: 'success' | 'error';
    title: string;
    lines: { id: number; line: ReactNode }[];
  }[] = [
    {
      intent: 'success',
      title: t('deleted.restored', { count: back.length }),
      lines: back.map((result) => ({
        id: result.id,
        line: (
          <Link href={hrefOf(result.id)}>
            {t('deleted.openRestored', { name: nameOf(result) })}
          </Link>
        ),
      })),
    },
    {
      intent: 'error',
      title: t('deleted.refused', { count: refused.length }),
      lines: refused.map((result) => ({
        id: result.id,
        line: t('deleted.refusedLine', {
          name: nameOf(result),
          reason: reasonOf(result),
        }),
      })),
    },
  ];

  return (
    <>
      {bars
        .filter((bar) => bar.lines.length > 0)
        .map(({ intent, title, lines }) => (
          <MessageBar key={intent} intent={intent} layout="multiline">
            <MessageBarBody>
              {title}
              <ul className={styles.lines}>
                {lines.map(({ id, line }) => (
                  <li key={id}>{line}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ))}
    </>
  );
}
