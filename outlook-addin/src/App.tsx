import {
  Button,
  FluentProvider,
  Spinner,
  ToggleButton,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { RelaisClient, SignInResult, UserDto } from 'core-api/client';
import { errorLines } from './api.ts';
import {
  SignInNeeded,
  settingsOf,
  type MicrosoftSettings,
  type MicrosoftTokens,
} from './auth/microsoft.ts';
import type { Session } from './auth/session.ts';
import { ComposePane } from './features/compose/ComposePane.tsx';
import { composeApiOf } from './features/compose/composeApi.ts';
import { ReadPane } from './features/read/ReadPane.tsx';
import { SignIn } from './features/signin/SignIn.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import type { Locale } from './i18n/messages.ts';
import type { HostItem } from './office/mailbox.ts';
import { Feedback } from './ui/Feedback.tsx';

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  centre: { padding: tokens.spacingHorizontalL },
});

export type AppProps = {
  client: RelaisClient;
  session: Session;
  item: HostItem | null;
  initialLocale: Locale;
  dark: boolean;
  /** Where the portal is, for links to contact cards. */
  portalUrl: string;
  /** How to reach Microsoft: nested authentication, else the Office dialog. */
  connectMicrosoft: (settings: MicrosoftSettings) => Promise<MicrosoftTokens>;
  /** Told when the person switches language (API messages follow it). */
  onLocaleChange?: (locale: Locale) => void;
};

/** The task pane: language, theme, sign-in, then the read or compose pane. */
export function App(props: AppProps) {
  const styles = useStyles();

  return (
    <I18nProvider initialLocale={props.initialLocale}>
      <FluentProvider
        theme={props.dark ? webDarkTheme : webLightTheme}
        className={styles.root}
      >
        <Pane {...props} />
      </FluentProvider>
    </I18nProvider>
  );
}

type Phase =
  | { name: 'starting' }
  | { name: 'signin'; microsoft: MicrosoftSettings | null; problem: string[] }
  | { name: 'ready'; user: UserDto };

function Pane(props: AppProps) {
  const { client, session, item } = props;
  const styles = useStyles();
  const { t, locale, setLocale } = useI18n();
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const [microsoft, setMicrosoft] = useState<MicrosoftSettings | null>(null);

  const enterWith = useCallback(
    async (tokens: MicrosoftTokens, interactive: boolean) => {
      await tokens.token(interactive);
      session.useMicrosoft(tokens);
      const current = await client.auth.session();
      setPhase({ name: 'ready', user: current.user });
    },
    [client, session],
  );

  useEffect(() => {
    let live = true;
    async function start() {
      if (session.kind === 'local') {
        try {
          const current = await client.auth.session();
          if (current.stage === 'ready')
            return live && setPhase({ name: 'ready', user: current.user });
        } catch {
          // An expired or revoked session: sign in again.
        }
        session.clear();
      }
      const settings = settingsOf(await client.auth.entra());
      if (!live) return;
      setMicrosoft(settings);
      if (settings) {
        try {
          await enterWith(await props.connectMicrosoft(settings), false);
          return;
        } catch (error) {
          session.clear();
          if (!(error instanceof SignInNeeded))
            return (
              live &&
              setPhase({
                name: 'signin',
                microsoft: settings,
                problem: errorLines(error, t, locale),
              })
            );
        }
      }
      if (live) setPhase({ name: 'signin', microsoft: settings, problem: [] });
    }
    start().catch((error: unknown) => {
      if (live)
        setPhase({
          name: 'signin',
          microsoft: null,
          problem: errorLines(error, t, locale),
        });
    });
    return () => {
      live = false;
    };
    // Runs once: the language may change later without signing in again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const signOut = () => {
    if (session.kind === 'local') void client.auth.signOut().catch(() => null);
    session.clear();
    setPhase({ name: 'signin', microsoft, problem: [] });
  };

  const languageSwitch = (
    <ToggleButton
      size="small"
      checked={locale === 'en'}
      aria-label={t('app.language')}
      onClick={() => {
        const next = locale === 'fr' ? 'en' : 'fr';
        setLocale(next);
        props.onLocaleChange?.(next);
      }}
    >
      {locale === 'fr' ? 'EN' : 'FR'}
    </ToggleButton>
  );

  if (phase.name === 'starting')
    return (
      <div className={styles.centre}>
        <Spinner label={t('app.loading')} />
      </div>
    );
  if (phase.name === 'signin')
    return (
      <>
        <header className={styles.header}>
          <strong className={styles.who}>{t('app.name')}</strong>
          {languageSwitch}
        </header>
        <Feedback intent="error" lines={phase.problem} />
        <SignIn
          client={client}
          onMicrosoft={
            phase.microsoft
              ? async () => {
                  const settings = phase.microsoft as MicrosoftSettings;
                  await enterWith(await props.connectMicrosoft(settings), true);
                }
              : null
          }
          onLocal={(result: SignInResult) => {
            session.useLocal(result.token);
            setPhase({ name: 'ready', user: result.user });
          }}
        />
      </>
    );

  return (
    <>
      <header className={styles.header}>
        <span className={styles.who}>
          {t('app.signedInAs', { name: phase.user.displayName })}
        </span>
        {languageSwitch}
        <Button size="small" appearance="subtle" onClick={signOut}>
          {t('app.signOut')}
        </Button>
      </header>
      {!item && <p className={styles.centre}>{t('app.noItem')}</p>}
      {item?.mode === 'read' && (
        <ReadPane client={client} item={item} portalUrl={props.portalUrl} />
      )}
      {item?.mode === 'compose' && (
        <ComposePane api={composeApiOf(client)} item={item} />
      )}
    </>
  );
}
