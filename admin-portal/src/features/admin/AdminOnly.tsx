import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT.ts';
import { adminHref } from '../../routing/route.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useSession } from '../auth/SessionContext.ts';

const useStyles = makeStyles({ back: { alignSelf: 'flex-start' } });

export type AdminOnlyProps = {
  /** The screen's title, shown to an editor with the refusal. */
  title: string;
  /** Leads back to the administration home (not on the home itself). */
  backLink?: boolean;
  children: ReactNode;
};

/**
 * An administration screen: a link back to the administration home, then
 * the screen for an administrator, or a refusal for anyone else (the API
 * would refuse them too).
 */
export function AdminOnly({
  title,
  backLink = true,
  children,
}: AdminOnlyProps) {
  const styles = useStyles();
  const t = useT();
  const { user } = useSession();

  if (user?.role !== 'admin') {
    return (
      <>
        <PageHeading focusOnMount>{title}</PageHeading>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('admin.adminOnly')}</MessageBarBody>
        </MessageBar>
      </>
    );
  }

  return (
    <>
      {backLink && (
        <Link href={adminHref} className={styles.back}>
          {t('admin.back')}
        </Link>
      )}
      {children}
    </>
  );
}
