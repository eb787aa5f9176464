import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type {
  DeletedCompanyDto,
  DeletedContactDto,
  RestorationReportDto,
} from 'core-api/client';
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ReactElement,
} from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import {
  companiesHref,
  companyHref,
  contactHref,
  contactsHref,
} from '../../routing/route.ts';
import { cardGrid } from '../../ui/cardGrid.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useResource } from '../../ui/useResource.ts';
import { useSession } from '../auth/SessionContext.ts';
import {
  useTableScreenStyles,
  useTypedFilter,
} from '../contacts/table/TableParts.tsx';
import { DeletedCard, type DeletedItem } from './DeletedCard.tsx';
import { RestorationReport } from './RestorationReport.tsx';

type Entity = 'contact' | 'company';

const PAGE_SIZE = 25;

const joined = (parts: (string | null)[]) =>
  parts.filter((part): part is string => Boolean(part)).join(' · ');

const fromContact = (row: DeletedContactDto): DeletedItem => ({
  id: row.id,
  name: row.displayName,
  detail: joined([row.company, row.function, row.city]),
  deletedAt: row.deletedAt,
  deletedBy: row.deletedBy,
  mergedIntoId: row.mergedIntoId,
});

const fromCompany = (row: DeletedCompanyDto): DeletedItem => ({
  id: row.id,
  name: row.name,
  detail: joined([row.city, row.companyType]),
  deletedAt: row.deletedAt,
  deletedBy: row.deletedBy,
  mergedIntoId: null,
});

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: cardGrid,
  // Focused once a restoring is done, so its outcome is read out.
  report: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    ':focus': { outlineStyle: 'none' },
  },
});

export type DeletedRecordsScreenProps = { entity: Entity };

/**
 * « Contacts supprimés », « Sociétés supprimées »: the deleted records,
 * latest deletion first, with when and by whom; found by name, restored
 * one by one or a page's selection at once. Administrators only, as the
 * API wants; anyone else is told who can.
 */
export function DeletedRecordsScreen({ entity }: DeletedRecordsScreenProps) {
  const screen = useTableScreenStyles();
  const t = useT();
  const { user } = useSession();
  const back = (
    <Link href={entity === 'contact' ? contactsHref : companiesHref}>
      {t(`deleted.back.${entity}`)}
    </Link>
  );

  if (user?.role === 'admin')
    return <DeletedRecords key={entity} entity={entity} back={back} />;

  return (
    <div className={screen.root}>
      <PageHeading focusOnMount>{t(`deleted.title.${entity}`)}</PageHeading>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('deleted.adminOnly')}</MessageBarBody>
      </MessageBar>
      {back}
    </div>
  );
}

type DeletedRecordsProps = { entity: Entity; back: ReactElement };

function DeletedRecords({ entity, back }: DeletedRecordsProps) {
  const screen = useTableScreenStyles();
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [name, setName] = useState('');
  const [page, setPage] = useState(1);
  // Another search starts on its first page.
  const settle = useCallback((text: string) => {
    setName(text);
    setPage(1);
  }, []);
  const [typed, setTyped] = useTypedFilter(name, settle);
  const [reload, setReload] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const restore = useAction<RestorationReportDto>();
  const reportRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const query = { page, pageSize: PAGE_SIZE, name: name.trim() || undefined };
    if (entity === 'company') {
      const found = await client.deletedRecords.companies(query);
      return { total: found.total, items: found.items.map(fromCompany) };
    }
    const found = await client.deletedRecords.contacts(query);
    return { total: found.total, items: found.items.map(fromContact) };
  }, [client, entity, name, page]);
  const records = useResource(load, `${entity}:${name}:${page}:${reload}`, {
    quietReload: true,
  });

  // Ticked cards belong to the page shown: another page, nothing ticked.
  useEffect(() => setSelected(new Set()), [name, page, reload]);

  const total = records.status === 'done' ? records.data.total : 0;
  const items = records.status === 'done' ? records.data.items : [];
  const restorable = items
    .filter((item) => item.mergedIntoId === null)
    .map((item) => item.id);
  const ticked = restorable.filter((id) => selected.has(id)).length;
  const searched = name.trim();
  const hrefOf = entity === 'contact' ? contactHref : companyHref;

  async function restoreIds(ids: number[]) {
    const done = await restore.run(() =>
      client.deletedRecords.restore(entity, ids),
    );
    setReload((n) => n + 1);
    if (done) reportRef.current?.focus();
  }

  const tick = (id: number, on: boolean) =>
    setSelected(
      (current) =>
        new Set(
          on ? [...current, id] : [...current].filter((one) => one !== id),
        ),
    );

  return (
    <div className={screen.root}>
      <div className={screen.heading}>
        <PageHeading focusOnMount>{t(`deleted.title.${entity}`)}</PageHeading>
        {total > 0 && (
          <span className={screen.count}>
            {t('deleted.count', { count: total })}
          </span>
        )}
      </div>
      {back}
      <p className={styles.intro}>{t('deleted.intro')}</p>
      <div className={screen.toolbar}>
        <Field label={t('deleted.filter')} className={screen.filter}>
          <Input
            type="search"
            value={typed}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            onChange={(_, data) => setTyped(data.value)}
          />
        </Field>
        {selected.size > 0 && (
          <Button
            appearance="primary"
            disabledFocusable={restore.running}
            icon={restore.running ? <BusySpinner /> : undefined}
            onClick={() => restoreIds([...selected])}
          >
            {t('deleted.restore.selection', { count: selected.size })}
          </Button>
        )}
      </div>
      <div
        ref={reportRef}
        tabIndex={-1}
        role="status"
        className={styles.report}
      >
        {restore.state.status === 'done' && (
          <RestorationReport report={restore.state.data} hrefOf={hrefOf} />
        )}
      </div>
      {restore.state.status === 'error' && (
        <ErrorMessage
          message={t('deleted.restoreFailed', {
            message: errorMessage(restore.state.error, t),
          })}
        />
      )}
      {records.status === 'loading' && (
        <LoadingState label={t('app.loading')} />
      )}
      {records.status === 'error' && (
        <ErrorMessage
          message={t('deleted.loadFailed', {
            message: errorMessage(records.error, t),
          })}
          onRetry={records.reload}
        />
      )}
      {records.status === 'done' && total === 0 && (
        <EmptyState
          title={
            searched
              ? t('deleted.noMatch.title', { name: searched })
              : t(`deleted.empty.title.${entity}`)
          }
        >
          {searched ? t('deleted.noMatch.text') : t(`deleted.empty.${entity}`)}
          {searched && (
            <>
              {' '}
              <Button size="small" onClick={() => setTyped('')}>
                {t('deleted.clear')}
              </Button>
            </>
          )}
        </EmptyState>
      )}
      {items.length > 0 && (
        <>
          <Checkbox
            label={t('deleted.selectPage')}
            checked={
              ticked === 0
                ? false
                : ticked === restorable.length
                  ? true
                  : 'mixed'
            }
            disabled={restorable.length === 0}
            onChange={(_, data) =>
              setSelected(new Set(data.checked ? restorable : []))
            }
          />
          <ul className={styles.list} aria-label={t(`deleted.title.${entity}`)}>
            {items.map((item) => (
              <DeletedCard
                key={item.id}
                entity={entity}
                item={item}
                href={hrefOf(item.id)}
                ticked={selected.has(item.id)}
                onTick={(on) => tick(item.id, on)}
                busy={restore.running}
                onRestore={() => restoreIds([item.id])}
              />
            ))}
          </ul>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            onPage={setPage}
          />
        </>
      )}
    </div>
  );
}
