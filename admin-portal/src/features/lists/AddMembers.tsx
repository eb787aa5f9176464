import {
  Button,
  Field,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { ChangeReport, ListDto, SearchHit } from 'core-api/client';
import { useEffect, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { MultiPicker } from '../targeting/MultiPicker.tsx';
import { ChangeOutcome } from './ChangeOutcome.tsx';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    rowGap: tokens.spacingVerticalM,
  },
  submit: { alignSelf: 'flex-start' },
});

/** Finds contacts or companies by name as one types, after a short pause. */
export function useMemberSearch(entity: ListDto['entity'], query: string) {
  const client = useApi();
  const [hits, setHits] = useState<SearchHit[]>([]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      client.search({ q, type: entity, limit: 20 }).then(
        (result) => current && setHits(result.items),
        () => current && setHits([]),
      );
    }, 250);

    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, entity, query]);

  return hits;
}

export type AddMembersProps = { list: ListDto; onChanged: () => void };

/**
 * « Ajouter des membres »: contacts (or companies) found by name, picked,
 * then added by the owner, or proposed with a note by anyone else.
 */
export function AddMembers({ list, onChanged }: AddMembersProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Map<number, string>>(new Map());
  const [note, setNote] = useState('');
  const hits = useMemberSearch(list.entity, query);
  const add = useAction<ChangeReport>();

  const submit = async () => {
    const done = await add.run(() =>
      client.lists.addMembers(list.id, {
        entity: list.entity,
        ids: [...chosen.keys()],
        note: note.trim() || undefined,
      }),
    );
    if (!done) return;
    setChosen(new Map());
    setNote('');
    onChanged();
  };

  const names = new Map(chosen);
  for (const hit of hits) {
    names.set(
      hit.id,
      hit.subtitle ? `${hit.displayName} (${hit.subtitle})` : hit.displayName,
    );
  }

  return (
    <Section title={t('members.add')}>
      <div className={styles.form}>
        <MultiPicker
          label={t(
            list.entity === 'contact'
              ? 'members.findContacts'
              : 'members.findCompanies',
          )}
          options={hits.map((hit) => ({
            value: String(hit.id),
            text: names.get(hit.id) ?? hit.displayName,
          }))}
          selected={[...chosen.keys()].map(String)}
          onQuery={setQuery}
          textOf={(value) => chosen.get(Number(value)) ?? value}
          onChange={(values) =>
            setChosen(
              new Map(
                values.map((value) => [
                  Number(value),
                  names.get(Number(value)) ?? value,
                ]),
              ),
            )
          }
        />
        {!list.canManage && (
          <Field label={t('members.note')} hint={t('members.noteHint')}>
            <Textarea
              value={note}
              resize="vertical"
              onChange={(_, data) => setNote(data.value)}
            />
          </Field>
        )}
        <Button
          appearance="primary"
          className={styles.submit}
          disabled={chosen.size === 0}
          disabledFocusable={add.running}
          icon={add.running ? <BusySpinner /> : undefined}
          onClick={submit}
        >
          {list.canManage
            ? t('members.addChosen', { count: chosen.size })
            : t('members.proposeAddition', { count: chosen.size })}
        </Button>
        {add.state.status === 'done' && (
          <ChangeOutcome
            action="add"
            report={add.state.data}
            owner={list.owner}
          />
        )}
        {add.state.status === 'error' && (
          <ErrorMessage message={errorMessage(add.state.error, t)} />
        )}
      </div>
    </Section>
  );
}
