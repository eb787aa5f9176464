import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../../ui/BusySpinner.tsx';
import type { ChangeReport, ListDto, TargetQuery } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../../ApiContext.ts';
import { errorMessage } from '../../../api.ts';
import { useLocale, useT } from '../../../i18n/useT.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { useAction } from '../../../ui/useAction.ts';
import { useResource } from '../../../ui/useResource.ts';
import { useSession } from '../../auth/SessionContext.ts';
import { ExportDialog } from '../../exports/ExportDialog.tsx';
import { ChangeOutcome } from '../../lists/ChangeOutcome.tsx';
import { formatCount } from '../../targeting/CountSummary.tsx';
import { selectionQuery, type Selection } from './selection.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  surface: { maxWidth: 'min(34rem, calc(100vw - 2rem))' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  text: { margin: 0 },
  // « Liste (owner's long display name) » must not widen the dialog past a
  // phone screen: the select shrinks to the dialog instead.
  fit: { minWidth: 0, maxWidth: '100%' },
});

/** The most ids one change of a list's members carries (the API's rule). */
const MEMBERS_PER_CALL = 10_000;

export type SelectionActionsProps = {
  selection: Selection;
  /** The table's filters, which an « all matching » selection stands for. */
  filters: TargetQuery;
  /** How many contacts are selected. */
  count: number;
  /**
   * « Supprimer »: the screen asks for confirmation (its dialog outlives
   * this bar, which goes with the selection once the contacts are deleted).
   */
  onDelete: (query: TargetQuery) => void;
};

/**
 * What can be done with the selected contacts: add them to a list (or
 * propose it to the list's owner), export them, delete them (the screen
 * confirms). Loaded when a first row is ticked.
 */
export function SelectionActions({
  selection,
  filters,
  count,
  onDelete,
}: SelectionActionsProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const query = selectionQuery(selection, filters);

  return (
    <div className={styles.root}>
      <AddToListDialog query={query} selection={selection} count={count} />
      <ExportDialog
        target={
          selection.mode === 'ids'
            ? { kind: 'contacts', contactIds: [...selection.ids] }
            : { kind: 'query', query }
        }
        countQuery={query}
        targetLabel={t('table.export.what', {
          count: formatCount(count, locale),
        })}
      />
      <Button onClick={() => onDelete(query)}>{t('table.delete')}</Button>
    </div>
  );
}

/** The reports of several calls as one, for one sentence of outcome. */
function merged(reports: ChangeReport[]): ChangeReport {
  return {
    mode: reports.some((report) => report.mode === 'requested')
      ? 'requested'
      : 'applied',
    applied: reports.flatMap((report) => report.applied),
    requests: reports.flatMap((report) => report.requests),
    alreadyMember: reports.flatMap((report) => report.alreadyMember),
    notMember: reports.flatMap((report) => report.notMember),
    alreadyPending: reports.flatMap((report) => report.alreadyPending),
  };
}

type AddToListProps = {
  query: TargetQuery;
  selection: Selection;
  count: number;
};

/**
 * « Ajouter à une liste »: a list of contacts to choose (mine first); on a
 * colleague's list the additions become requests to its owner, which the
 * dialog says before and after.
 */
function AddToListDialog({ query, selection, count }: AddToListProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [listId, setListId] = useState('');
  const [note, setNote] = useState('');
  const [name, setName] = useState('');
  const adding = useAction<{ report: ChangeReport; list: ListDto }>();
  const lists = useResource(
    () =>
      open
        ? client.lists.list({
            entity: 'contact',
            pageSize: 200,
            q: name.trim() || undefined,
          })
        : Promise.resolve(null),
    `table-lists:${open}:${name.trim()}`,
    { quietReload: true },
  );
  const items = lists.status === 'done' ? (lists.data?.items ?? []) : [];
  // Past a page of lists, a name narrows them.
  const many = lists.status === 'done' && (lists.data?.total ?? 0) > 200;
  const mine = items.filter((list) => list.owner.id === user?.id);
  const others = items.filter((list) => list.owner.id !== user?.id);
  const chosen = items.find((list) => String(list.id) === listId);
  const shown = formatCount(count, locale);

  const add = () =>
    chosen &&
    adding.run(async () => {
      const ids =
        selection.mode === 'ids'
          ? [...selection.ids]
          : (await client.targeting.ids({ query, limit: count })).ids;
      const reports: ChangeReport[] = [];
      for (let start = 0; start < ids.length; start += MEMBERS_PER_CALL) {
        reports.push(
          await client.lists.addMembers(chosen.id, {
            entity: 'contact',
            ids: ids.slice(start, start + MEMBERS_PER_CALL),
            note: note.trim() || undefined,
          }),
        );
      }

      return { report: merged(reports), list: chosen };
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (!data.open) adding.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('table.addToList')}</Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            {t('table.addToList.title', { count: shown })}
          </DialogTitle>
          <DialogContent className={styles.content}>
            {lists.status === 'loading' && open && (
              <Spinner size="small" label={t('app.loading')} />
            )}
            {lists.status === 'error' && (
              <ErrorMessage
                message={errorMessage(lists.error, t)}
                onRetry={lists.reload}
              />
            )}
            {(many || name) && (
              <Field label={t('lists.filter.name')}>
                <Input
                  value={name}
                  onChange={(_, data) => setName(data.value)}
                />
              </Field>
            )}
            {lists.status === 'done' && items.length === 0 && !name && (
              <p className={styles.text}>{t('table.addToList.none')}</p>
            )}
            {items.length > 0 && (
              <Field
                label={t('table.addToList.list')}
                required
                className={styles.fit}
              >
                <Select
                  className={styles.fit}
                  select={{ className: styles.fit }}
                  value={listId}
                  onChange={(_, data) => {
                    setListId(data.value);
                    adding.reset();
                  }}
                >
                  <option value="">{t('table.addToList.choose')}</option>
                  {mine.length > 0 && (
                    <optgroup label={t('table.addToList.mine')}>
                      {mine.map((list) => (
                        <option key={list.id} value={list.id}>
                          {list.name}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {others.length > 0 && (
                    <optgroup label={t('table.addToList.others')}>
                      {others.map((list) => (
                        <option key={list.id} value={list.id}>
                          {`${list.name} (${list.owner.displayName})`}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </Select>
              </Field>
            )}
            {chosen && !chosen.canManage && (
              <>
                <Notice intent="info">
                  {t('table.addToList.owned', {
                    owner: chosen.owner.displayName,
                  })}
                </Notice>
                <Field label={t('members.note')} hint={t('members.noteHint')}>
                  <Textarea
                    value={note}
                    resize="vertical"
                    onChange={(_, data) => setNote(data.value)}
                  />
                </Field>
              </>
            )}
            {adding.state.status === 'done' && (
              <ChangeOutcome
                action="add"
                report={adding.state.data.report}
                owner={adding.state.data.list.owner}
              />
            )}
            {adding.state.status === 'error' && (
              <ErrorMessage message={errorMessage(adding.state.error, t)} />
            )}
          </DialogContent>
          <DialogActions>
            {chosen && adding.state.status !== 'done' && (
              <Button
                appearance="primary"
                disabledFocusable={adding.running}
                icon={adding.running ? <BusySpinner /> : undefined}
                onClick={add}
              >
                {chosen.canManage
                  ? t('table.addToList.add', { count: shown })
                  : t('table.addToList.propose', { count: shown })}
              </Button>
            )}
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('table.close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
