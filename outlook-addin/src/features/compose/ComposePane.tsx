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
import { OfficeCallError, type ComposeItem } from '../../office/mailbox.ts';
import { Feedback } from '../../ui/Feedback.tsx';
import type { ComposeApi, TemplateSummary } from './composeApi.ts';
import { SenderPicker } from './SenderPicker.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
  },
  title: { fontSize: tokens.fontSizeBase400, margin: 0 },
  // A native select is as wide as its longest option: let it shrink.
  select: { width: '100%', minWidth: 0 },
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/**
 * Compose mode: a saved template filled for the message's recipients
 * (to, cc, bcc) inserted at the cursor, the subject filled when empty,
 * the fallbacks used said; and the sender address among the allowed ones.
 */
export function ComposePane(props: { api: ComposeApi; item: ComposeItem }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [chosen, setChosen] = useState<TemplateSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string[]>([]);
  const [problem, setProblem] = useState<string[]>([]);

  useEffect(() => {
    props.api
      .templates()
      .then(({ items }) => setTemplates(items))
      .catch((error: unknown) => setProblem(errorLines(error, t, locale)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function insert() {
    const { item } = props;
    if (!chosen || !item.insertHtml) return;
    setBusy(true);
    setDone([]);
    setProblem([]);
    try {
      const recipients = await item.recipients();
      if (recipients.length === 0) {
        setProblem([t('compose.noRecipients')]);
        return;
      }
      const rendered = await props.api.render(
        chosen.id,
        recipients.map((r) => ({
          email: r.address,
          name: r.name ?? undefined,
        })),
      );
      await item.insertHtml(rendered.html);
      const lines = [t('compose.inserted', { count: recipients.length })];
      if (!(await item.subject()).trim() && rendered.subject) {
        await item.setSubject(rendered.subject);
        lines.push(t('compose.subjectSet', { subject: rendered.subject }));
      }
      if (rendered.fallbacks.length > 0)
        lines.push(
          t('compose.fallbacks', { fields: rendered.fallbacks.join(', ') }),
        );
      setDone(lines);
    } catch (error) {
      setProblem(
        error instanceof OfficeCallError
          ? [t('errors.office', { message: error.message })]
          : errorLines(error, t, locale),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className={styles.root} aria-labelledby="compose-title">
      <h1 id="compose-title" className={styles.title}>
        {t('compose.title')}
      </h1>
      <section className={styles.block}>
        {!props.item.insertHtml && (
          <Feedback intent="warning" lines={[t('compose.unsupported')]} />
        )}
        {templates?.length === 0 && <p>{t('compose.noTemplates')}</p>}
        <Field label={t('compose.template')}>
          <Select
            className={styles.select}
            value={chosen ? String(chosen.id) : ''}
            disabled={!templates || templates.length === 0}
            onChange={(_, data) =>
              setChosen(
                templates?.find((x) => String(x.id) === data.value) ?? null,
              )
            }
          >
            <option value="">{t('compose.templateSearch')}</option>
            {(templates ?? []).map((template) => (
              <option key={template.id} value={String(template.id)}>
                {template.name}
              </option>
            ))}
          </Select>
        </Field>
        {chosen?.description && <span>{chosen.description}</span>}
        <Button
          appearance="primary"
          onClick={() => void insert()}
          disabled={!chosen || busy || !props.item.insertHtml}
        >
          {t('compose.insert')}
        </Button>
        <Feedback intent="success" lines={done} />
        <Feedback intent="error" lines={problem} />
      </section>
      <SenderPicker api={props.api} item={props.item} />
    </main>
  );
}
