import {
  Button,
  Field,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ChangeReport, ListDto, RelaisClient } from 'core-api/client';
import { errorLines } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { Feedback } from '../../ui/Feedback.tsx';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalS,
  },
  // A native select is as wide as its longest option: let it shrink.
  field: { flexGrow: 1, flexBasis: '12rem', minWidth: 0 },
  select: { width: '100%', minWidth: 0 },
});

/** What the pane says after an addition, by what the API did. */
function outcomeOf(report: ChangeReport): MessageKey {
  if (report.mode === 'requested')
    return report.alreadyPending.length > 0
      ? 'lists.alreadyPending'
      : 'lists.requested';

  return report.alreadyMember.length > 0
    ? 'lists.alreadyMember'
    : 'lists.applied';
}

/**
 * Adds a contact to a list through the list rights: applied at once on
 * the person's own lists, a change request to the owner on the others,
 * and the pane says which.
 */
export function ListPicker(props: {
  client: RelaisClient;
  contactId: number;
  contactName: string;
  onAdded: () => void;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [lists, setLists] = useState<ListDto[] | null>(null);
  const [chosen, setChosen] = useState<ListDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string[]>([]);
  const [problem, setProblem] = useState<string[]>([]);

  useEffect(() => {
    props.client.lists
      .list({ entity: 'contact', pageSize: 200 })
      .then((page) => setLists(page.items))
      .catch((error: unknown) => setProblem(errorLines(error, t, locale)));
    // The lists are read once per contact shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function add() {
    if (!chosen) return;
    setBusy(true);
    setDone([]);
    setProblem([]);
    try {
      const report = await props.client.lists.addMembers(chosen.id, {
        entity: 'contact',
        ids: [props.contactId],
      });
      const params = { name: props.contactName, list: chosen.name };
      setDone([t(outcomeOf(report), params)]);
      if (report.mode === 'applied') props.onAdded();
    } catch (error) {
      setProblem(errorLines(error, t, locale));
    } finally {
      setBusy(false);
    }
  }

  const label = (list: ListDto) =>
    list.canManage
      ? list.name
      : `${list.name} (${t('lists.owner', { name: list.owner.displayName })})`;

  return (
    <div>
      <div className={styles.row}>
        <Field label={t('lists.add')} className={styles.field}>
          <Select
            className={styles.select}
            value={chosen ? String(chosen.id) : ''}
            onChange={(_, data) =>
              setChosen(lists?.find((l) => String(l.id) === data.value) ?? null)
            }
            disabled={!lists || lists.length === 0}
          >
            <option value="">{t('lists.placeholder')}</option>
            {(lists ?? []).map((list) => (
              <option key={list.id} value={String(list.id)}>
                {label(list)}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={add} disabled={!chosen || busy}>
          {t('lists.submit')}
        </Button>
      </div>
      {lists?.length === 0 && <p>{t('lists.empty')}</p>}
      <Feedback intent="success" lines={done} />
      <Feedback intent="error" lines={problem} />
    </div>
  );
}
