import {
  Badge,
  Button,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { PersonCard as Card, RelaisClient } from 'core-api/client';
import { errorLines } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Mailbox, ReadItem } from '../../office/mailbox.ts';
import { Feedback } from '../../ui/Feedback.tsx';
import { CaptureForm } from './CaptureForm.tsx';
import { ListPicker } from './ListPicker.tsx';
import { LogEmailButton } from './LogEmailButton.tsx';
import { PersonCard } from './PersonCard.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  title: { fontSize: tokens.fontSizeBase400, margin: 0 },
  people: { listStyle: 'none', margin: 0, padding: 0 },
  person: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
  },
  name: { fontSize: tokens.fontSizeBase300, margin: 0 },
  address: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground3 },
});

type Role = 'from' | 'to' | 'cc';
type Person = Mailbox & { role: Role };

/**
 * Sender first, then recipients; an address appears once, at its first
 * role. The mailbox's own address is left out: it is the reader, not a
 * person to recognise or capture.
 */
export function peopleOf(item: ReadItem): Person[] {
  const seen = new Map<string, Person>();
  const add = (role: Role, mailboxes: Mailbox[]) => {
    for (const mailbox of mailboxes)
      if (
        mailbox.address &&
        mailbox.address !== item.owner &&
        !seen.has(mailbox.address)
      )
        seen.set(mailbox.address, { ...mailbox, role });
  };
  add('from', [item.from]);
  add('to', item.to);
  add('cc', item.cc);

  return [...seen.values()];
}

/**
 * Read mode: every person of the e-mail, known (compact card, add to a
 * list) or not (capture), with one call to tell which; and logging the
 * e-mail in their history.
 */
export function ReadPane(props: {
  client: RelaisClient;
  item: ReadItem;
  portalUrl: string;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const people = peopleOf(props.item);
  const [cards, setCards] = useState<Map<string, Card[]> | null>(null);
  const [problem, setProblem] = useState<string[]>([]);
  const [capturing, setCapturing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string[]>([]);

  const refresh = useCallback(async () => {
    if (people.length === 0) return setCards(new Map());
    try {
      const answer = await props.client.capture.people({
        addresses: people.map((person) => person.address),
      });
      setCards(new Map(answer.people.map((p) => [p.address, p.contacts])));
    } catch (error) {
      setProblem(errorLines(error, t, locale));
    }
    // The people of an item do not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.client, props.item]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <main className={styles.root} aria-labelledby="read-title">
      <h1 id="read-title" className={styles.title}>
        {t('read.title')}
      </h1>
      <Feedback intent="error" lines={problem} />
      <Feedback intent="success" lines={saved} />
      {people.length === 0 && <p>{t('read.noPeople')}</p>}
      {!cards && problem.length === 0 && people.length > 0 && (
        <Spinner size="tiny" label={t('app.loading')} />
      )}
      {cards && (
        <ul className={styles.people}>
          {people.map((person) => {
            const known = cards.get(person.address) ?? [];
            const label = person.name ?? person.address;

            return (
              <li key={person.address} className={styles.person}>
                <div className={styles.who}>
                  <Badge appearance="outline">
                    {t(`read.role.${person.role}`)}
                  </Badge>
                  <h2 className={styles.name}>
                    {known[0]?.contact.displayName ?? label}
                  </h2>
                  <Badge
                    appearance="filled"
                    color={known.length > 0 ? 'success' : 'informative'}
                  >
                    {t(known.length > 0 ? 'read.known' : 'read.unknown')}
                  </Badge>
                </div>
                <span className={styles.address}>{person.address}</span>
                {known.map((card) => (
                  <div key={card.contact.id}>
                    <PersonCard card={card} portalUrl={props.portalUrl} />
                    <ListPicker
                      client={props.client}
                      contactId={card.contact.id}
                      contactName={card.contact.displayName}
                      onAdded={() => void refresh()}
                    />
                  </div>
                ))}
                {known.length === 0 && capturing !== person.address && (
                  <Button
                    onClick={() => {
                      setSaved([]);
                      setCapturing(person.address);
                    }}
                    aria-label={`${t('read.capture')} : ${person.address}`}
                  >
                    {t('read.capture')}
                  </Button>
                )}
                {known.length === 0 && capturing === person.address && (
                  <CaptureForm
                    client={props.client}
                    person={person}
                    body={
                      person.role === 'from'
                        ? props.item.body
                        : () => Promise.resolve('')
                    }
                    portalUrl={props.portalUrl}
                    onSaved={(message) => {
                      setSaved([message]);
                      setCapturing(null);
                      void refresh();
                    }}
                    onCancel={() => setCapturing(null)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <LogEmailButton
        client={props.client}
        item={props.item}
        onLogged={() => void refresh()}
      />
    </main>
  );
}
