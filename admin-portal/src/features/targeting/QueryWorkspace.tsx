import {
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from '@fluentui/react-components';
import type {
  Channel,
  SavedQueryDto,
  TargetEntity,
  TargetQuery,
  TargetSort,
} from 'core-api/client';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Section } from '../../ui/Section.tsx';
import { ExportDialog } from '../exports/ExportDialog.tsx';
import { CountSummary } from './CountSummary.tsx';
import { ListFromQuery } from './ListFromQuery.tsx';
import { QueryBuilder } from './QueryBuilder.tsx';
import { newGroup, type DraftGroup } from './queryDraft.ts';
import { ResultsTable } from './ResultsTable.tsx';
import { SavedQueries } from './SavedQueries.tsx';
import { SaveQuery } from './SaveQuery.tsx';
import { fromWhere, toWhere } from './toQuery.ts';
import { useTargetPage } from './useTargetPage.ts';

const PAGE_SIZE = 25;
const CHANNELS: Channel[] = ['email', 'sms', 'post', 'phone', 'fax'];

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  // The count stays in sight while the criteria scroll by.
  count: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
  },
  channel: { maxWidth: '24rem' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalL,
  },
});

export type QueryWorkspaceProps = {
  /** The saved query opened, if any. */
  saved?: SavedQueryDto;
  /** Reads the saved query again after it was saved. */
  onSaved?: () => void;
};

/**
 * The query being built, what it finds and what can be done with it. The
 * criteria are the draft; the query sent holds only its complete rows.
 */
export function QueryWorkspace({ saved, onSaved }: QueryWorkspaceProps) {
  const styles = useStyles();
  const t = useT();
  const [entity, setEntity] = useState<TargetEntity>(
    saved?.entity ?? 'contact',
  );
  const [root, setRoot] = useState<DraftGroup>(() =>
    saved ? fromWhere(saved.query.where) : newGroup(),
  );
  const [channel, setChannel] = useState<Channel | ''>(
    saved?.query.channel ?? '',
  );
  const [sort, setSort] = useState<TargetSort>({ by: 'name' });
  const [page, setPage] = useState(1);
  // An untouched saved query is exported as itself, so the audit names it.
  const [dirty, setDirty] = useState(false);
  const query = useMemo<TargetQuery>(
    () => ({
      entity,
      where: toWhere(entity, root),
      ...(channel ? { channel } : {}),
    }),
    [entity, root, channel],
  );
  const live = useTargetPage({
    query,
    channel: channel || undefined,
    sort,
    page,
    pageSize: PAGE_SIZE,
  });

  const change = (next: DraftGroup) => {
    setRoot(next);
    setPage(1);
    setDirty(true);
  };

  return (
    <>
      <PageHeading focusOnMount>
        {saved
          ? t('savedQuery.heading', { name: saved.name })
          : t('targeting.title')}
      </PageHeading>
      <p className={styles.intro}>
        {saved?.description ?? t('targeting.intro')}
      </p>
      <SavedQueries currentId={saved?.id} />
      <Section title={t('targeting.conditions')}>
        <div className={styles.body}>
          <Field label={t('targeting.entity')}>
            <RadioGroup
              layout="horizontal"
              value={entity}
              onChange={(_, data) => {
                setEntity(data.value as TargetEntity);
                change(newGroup());
              }}
            >
              <Radio value="contact" label={t('targeting.entity.contact')} />
              <Radio value="company" label={t('targeting.entity.company')} />
            </RadioGroup>
          </Field>
          <QueryBuilder entity={entity} root={root} onChange={change} />
          {entity === 'contact' && (
            <Field
              label={t('targeting.channel')}
              hint={t('targeting.channel.hint')}
              className={styles.channel}
            >
              <Select
                value={channel}
                onChange={(_, data) => {
                  setChannel(data.value as Channel | '');
                  setPage(1);
                  setDirty(true);
                }}
              >
                <option value="">{t('targeting.channel.none')}</option>
                {CHANNELS.map((option) => (
                  <option key={option} value={option}>
                    {t(`channel.${option}`)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <div className={styles.count}>
            <CountSummary
              live={live}
              entity={entity}
              channel={channel || undefined}
              onRetry={live.retry}
            />
          </div>
        </div>
      </Section>
      <Section title={t('targeting.use')}>
        <div className={styles.actions}>
          <SaveQuery query={query} saved={saved} onSaved={onSaved} />
          <ListFromQuery query={query} />
          <ExportDialog
            target={
              saved && !dirty
                ? { kind: 'savedQuery', savedQueryId: saved.id }
                : { kind: 'query', query }
            }
            countQuery={query}
            targetLabel={
              saved && !dirty
                ? t('targeting.savedQueryNamed', { name: saved.name })
                : t('targeting.thisQuery')
            }
          />
        </div>
      </Section>
      <Section title={t('results.title')}>
        <ResultsTable
          live={live}
          entity={entity}
          sort={sort}
          onSort={(next) => {
            setSort(next);
            setPage(1);
          }}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
        />
      </Section>
    </>
  );
}
