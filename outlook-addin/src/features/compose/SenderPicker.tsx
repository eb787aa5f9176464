import {
  Button,
  Field,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { errorLines } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ComposeItem, Mailbox } from '../../office/mailbox.ts';
import { Feedback } from '../../ui/Feedback.tsx';
import type { ComposeApi, SenderAddress } from './composeApi.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  heading: { fontSize: tokens.fontSizeBase300, margin: 0 },
  // A native select is as wide as its longest option: let it shrink.
  select: { width: '100%', minWidth: 0 },
});

/**
 * The sender address among those the person may use. Office.js has no way
 * for an add-in to set a message's From (only to read it, Mailbox 1.7), so
 * the pane reads the current sender, says whether it is allowed, and when
 * another address is chosen tells the person to pick it in Outlook's From
 * field, with the address ready to copy.
 */
export function SenderPicker(props: { api: ComposeApi; item: ComposeItem }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [senders, setSenders] = useState<SenderAddress[] | null>(null);
  const [chosen, setChosen] = useState<SenderAddress | null>(null);
  const [current, setCurrent] = useState<Mailbox | null | undefined>();
  const [problem, setProblem] = useState<string[]>([]);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    (async () => {
      const { items } = await props.api.senders();
      const from = props.item.from ? await props.item.from() : null;
      setSenders(items);
      setCurrent(from);
      setChosen(
        items.find((s) => s.address.toLowerCase() === from?.address) ??
          items.find((s) => s.isDefault) ??
          items[0] ??
          null,
      );
    })().catch((error: unknown) => setProblem(errorLines(error, t, locale)));
    // Read once per message being written.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!senders) return <Feedback intent="error" lines={problem} />;
  if (senders.length === 0) return <p>{t('compose.noSenders')}</p>;

  const allowed = senders.some(
    (s) => s.address.toLowerCase() === current?.address,
  );
  const matches = chosen?.address.toLowerCase() === current?.address;
  const copy = async () => {
    if (!chosen) return;
    await navigator.clipboard?.writeText(chosen.address).catch(() => null);
    setCopied(true);
  };

  return (
    <section className={styles.root} aria-labelledby="sender-title">
      <h2 id="sender-title" className={styles.heading}>
        {t('compose.sender')}
      </h2>
      <Field label={t('compose.sender')}>
        <Select
          className={styles.select}
          value={chosen ? String(chosen.id) : ''}
          onChange={(_, data) => {
            setCopied(false);
            setChosen(senders.find((s) => String(s.id) === data.value) ?? null);
          }}
        >
          {senders.map((sender) => (
            <option key={sender.id} value={String(sender.id)}>
              {`${sender.displayName} <${sender.address}>`}
            </option>
          ))}
        </Select>
      </Field>
      {chosen?.replyTo && (
        <span>{t('compose.replyTo', { address: chosen.replyTo })}</span>
      )}
      {current === null && (
        <Feedback intent="warning" lines={[t('compose.senderUnknown')]} />
      )}
      {current && (
        <Feedback
          intent={allowed ? 'success' : 'warning'}
          lines={[
            t('compose.senderCurrent', { address: current.address }),
            t(allowed ? 'compose.senderAllowed' : 'compose.senderNotAllowed'),
          ]}
        />
      )}
      {chosen && current !== undefined && !matches && (
        <>
          <Feedback
            intent="info"
            lines={[t('compose.senderManual', { address: chosen.address })]}
          />
          <Button size="small" onClick={() => void copy()}>
            {t('compose.copy')}
          </Button>
          {copied && <span role="status">{t('compose.copied')}</span>}
        </>
      )}
      <Feedback intent="error" lines={problem} />
    </section>
  );
}
