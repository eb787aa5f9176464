import {
  Button,
  FluentProvider,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { ListDto, UserDto } from 'core-api/client';
import { ApiContext } from './api.ts';
import { ConsentPrompt } from './auth/ConsentPrompt.tsx';
import { SignInForm } from './auth/SignInForm.tsx';
import { useTabAuth, type SignInProblem } from './auth/useTabAuth.ts';
import { ConfigurePage } from './features/config/ConfigurePage.tsx';
import { ListsHome } from './features/lists/ListsHome.tsx';
import { ListView } from './features/lists/ListView.tsx';
import { listIdFrom, type HostTheme, type TabHost } from './host/host.ts';
import { I18nProvider, useI18n, type Translate } from './i18n/I18n.tsx';
import { localeOf } from './i18n/messages.ts';
import { fluentThemes } from './theme/themes.ts';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  top: { display: 'flex', justifyContent: 'flex-end' },
});

/** Which page of the app is shown: the tab itself or its configuration. */
export type TabPage = 'tab' | 'configure';

function problemText(problem: SignInProblem | undefined, t: Translate) {
  if (!problem) return undefined;
  if (problem.key === 'notReady') return t('auth.notReady');

  return problem.key === 'sso'
    ? t('auth.ssoFailed', { reason: problem.detail })
    : t('auth.refused', { message: problem.detail });
}

/** The tab's content once signed in: a list, the lists, or configuration. */
function SignedIn(props: { host: TabHost | null; page: TabPage; me: UserDto }) {
  const { host, me } = props;
  const bound = listIdFrom(window.location.search, host?.context.subPageId);
  const [open, setOpen] = useState<number | null>(bound);

  if (props.page === 'configure' && host) return <ConfigurePage host={host} />;
  // A channel tab is bound to its list: no way back to the others.
  const channel = new URLSearchParams(window.location.search).has('listId');
  if (open !== null)
    return (
      <ListView
        listId={open}
        me={me}
        onBack={channel ? undefined : () => setOpen(null)}
      />
    );

  return <ListsHome me={me} onOpen={(list: ListDto) => setOpen(list.id)} />;
}

/** Signs in (single sign-on, consent, or a Relais account), then the page. */
function Gate(props: { host: TabHost | null; page: TabPage }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const auth = useTabAuth(props.host, locale);
  const { state } = auth;
  let body: ReactNode;

  if (state.stage === 'checking')
    body = <Spinner label={t('auth.connecting')} />;
  else if (state.stage === 'consent')
    body = <ConsentPrompt refused={state.refused} onConsent={auth.consent} />;
  else if (state.stage === 'signIn')
    body = (
      <SignInForm
        client={auth.client}
        notice={problemText(state.problem, t)}
        onSignedIn={auth.signedIn}
      />
    );
  else
    body = (
      <ApiContext.Provider value={auth.client}>
        {state.via === 'local' && (
          <div className={styles.top}>
            <Button appearance="subtle" onClick={auth.signOut}>
              {t('auth.signOut')}
            </Button>
          </div>
        )}
        <SignedIn host={props.host} page={props.page} me={state.user} />
      </ApiContext.Provider>
    );

  return <main className={styles.page}>{body}</main>;
}

/**
 * The tab: Teams' language and theme (followed when the user changes it),
 * then the sign-in gate.
 */
export function TabApp(props: { host: TabHost | null; page: TabPage }) {
  const { host } = props;
  const [theme, setTheme] = useState<HostTheme>(
    host?.context.theme ?? 'default',
  );
  // French first: English only when Teams speaks it.
  const locale = localeOf(host?.context.locale);

  useEffect(() => {
    host?.onThemeChange(setTheme);
  }, [host]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <I18nProvider locale={locale}>
      {/* The page's own document: Fluent otherwise keeps the first one it
          saw, where its popups (a dropdown's options) would mount. */}
      <FluentProvider
        theme={fluentThemes[theme]}
        targetDocument={document}
        data-theme={theme}
      >
        <Gate host={host} page={props.page} />
      </FluentProvider>
    </I18nProvider>
  );
}
