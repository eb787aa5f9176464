import {
  Button,
  Combobox,
  Field,
  Input,
  Option,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import {
  type ChangeReport,
  type ListDto,
  type SearchHit,
} from 'core-api/client';
import { useApi } from '../../api.ts';
import { useI18n } from '../../i18n/I18n.tsx';
import { Problem } from '../../ui/Problem.tsx';
import { useAttempt } from '../../ui/useAttempt.ts';
import { changeMessage, type Outcome } from './outcome.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  field: { flexGrow: 1, minWidth: '14rem' },
});

/** How long typing must pause before the search is sent. */
const searchPauseMs = 250;

/**
 * Adds a contact or company to the list, found through the search API: at
 * once for the owner (or an administrator), as a request otherwise.
 */
export function ProposeMember(props: {
  list: ListDto;
  onChanged: (outcome: Outcome) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const api = useApi();
  const { list } = props;
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<SearchHit | null>(null);
  const [note, setNote] = useState('');
  const { problem, busy, attempt } = useAttempt();

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2 || chosen?.displayName === query) return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .search({ q: text, type: list.entity, limit: 10 })
        .then((result) => {
          if (!current) return;
          setHits(result.items);
          // Answers come after the typing: the choices open when they do.
          setOpen(true);
        })
        .catch(() => current && setHits([]));
    }, searchPauseMs);

    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query, chosen, list.entity]);

  const submit = () =>
    attempt(async () => {
      if (!chosen) return;
      const report: ChangeReport = await api.lists.addMembers(list.id, {
        entity: list.entity,
        ids: [chosen.id],
        note: note.trim() || undefined,
      });
      props.onChanged(changeMessage('add', report, chosen.displayName, list));
      setQuery('');
      setChosen(null);
      setNote('');
      setHits([]);
    });

  const label =
    list.entity === 'contact' ? 'propose.search' : 'propose.searchCompany';

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field
        className={styles.field}
        label={t(label)}
        hint={t('propose.searchHint')}
      >
        <Combobox
          freeform
          open={open}
          onOpenChange={(_, data) => setOpen(data.open)}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setChosen(null);
          }}
          onOptionSelect={(_, data) => {
            const hit = hits.find((h) => String(h.id) === data.optionValue);
            setChosen(hit ?? null);
            setQuery(hit?.displayName ?? '');
          }}
        >
          {hits.length === 0 && query.trim().length >= 2 ? (
            <Option disabled value="" text={t('propose.noMatch')}>
              {t('propose.noMatch')}
            </Option>
          ) : (
            hits.map((hit) => (
              <Option
                key={hit.id}
                value={String(hit.id)}
                text={hit.displayName}
              >
                {hit.subtitle
                  ? `${hit.displayName} — ${hit.subtitle}`
                  : hit.displayName}
              </Option>
            ))
          )}
        </Combobox>
      </Field>
      {!list.canManage && (
        <Field className={styles.field} label={t('propose.note')}>
          <Input
            value={note}
            maxLength={1000}
            onChange={(_, data) => setNote(data.value)}
          />
        </Field>
      )}
      <Button appearance="primary" type="submit" disabled={!chosen || busy}>
        {t(list.canManage ? 'propose.add' : 'propose.request')}
      </Button>
      {problem && <Problem text={problem} />}
    </form>
  );
}
