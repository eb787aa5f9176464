import {
  Dropdown,
  Field,
  Option,
  Text,
  Title3,
  mergeClasses,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ListDto } from 'core-api/client';
import { useApi } from '../../api.ts';
import type { TabConfig, TabHost } from '../../host/host.ts';
import { useI18n } from '../../i18n/I18n.tsx';
import { useLayout } from '../../ui/layout.ts';
import { LoadState } from '../../ui/LoadState.tsx';
import { Problem } from '../../ui/Problem.tsx';
import { readPages } from '../../ui/readPages.ts';
import { useLoad } from '../../ui/useLoad.ts';

/** Every list, at most this many pages of 200 (the API's largest page). */
const pagesRead = 5;

/** What the channel tab saves for a list: the tab page bound to it. */
export function tabConfigOf(list: ListDto, origin: string): TabConfig {
  const contentUrl = `${origin}/teams/tab.html?listId=${list.id}`;

  return {
    contentUrl,
    websiteUrl: contentUrl,
    entityId: `liste-${list.id}`,
    suggestedDisplayName: list.name.slice(0, 100),
  };
}

/**
 * The channel tab's configuration: the team picks one list; Teams' Save
 * button stays off until it is chosen, then stores the tab bound to it.
 */
export function ConfigurePage(props: { host: TabHost }) {
  const { t } = useI18n();
  const layout = useLayout();
  const api = useApi();
  const [chosen, setChosen] = useState<ListDto | null>(null);
  const chosenRef = useRef<ListDto | null>(null);
  const loaded = useLoad(async () => {
    const { items } = await readPages(pagesRead, 200, (page) =>
      api.lists.list({ owner: 'all', page, pageSize: 200 }),
    );

    return items;
  }, [api]);

  useEffect(() => {
    const { host } = props;
    host.setConfigValid(false);
    host.onConfigSave(() => {
      const list = chosenRef.current;
      if (!list) throw new Error(t('config.saveFailed'));

      return tabConfigOf(list, window.location.origin);
    });
  }, [props.host, t]);

  return (
    <section
      className={mergeClasses(layout.column, layout.narrow)}
      aria-labelledby="config-title"
    >
      <Title3 as="h1" id="config-title">
        {t('config.title')}
      </Title3>
      <Text>{t('config.intro')}</Text>
      <LoadState loaded={loaded}>
        {(lists) => (
          <Field label={t('config.list')} required>
            <Dropdown
              placeholder={t('config.placeholder')}
              value={chosen?.name ?? ''}
              selectedOptions={chosen ? [String(chosen.id)] : []}
              onOptionSelect={(_, data) => {
                const list =
                  lists.find((l) => String(l.id) === data.optionValue) ?? null;
                chosenRef.current = list;
                setChosen(list);
                props.host.setConfigValid(list !== null);
              }}
            >
              {lists.map((list) => (
                <Option key={list.id} value={String(list.id)} text={list.name}>
                  {`${list.name} — ${list.owner.displayName}`}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
      </LoadState>
      <div aria-live="polite">
        {chosen && (
          <Problem
            intent="success"
            text={t('config.chosen', { name: chosen.name })}
          />
        )}
      </div>
    </section>
  );
}
