import {
  Badge,
  Button,
  Caption1,
  Field,
  SearchBox,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ListDto, UserDto } from 'core-api/client';
import { useApi } from '../../api.ts';
import { useI18n } from '../../i18n/I18n.tsx';
import { useLayout } from '../../ui/layout.ts';
import { LoadState } from '../../ui/LoadState.tsx';
import { readPages } from '../../ui/readPages.ts';
import { useLoad } from '../../ui/useLoad.ts';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
});

const pageSize = 100;

/** The personal tab's start: my lists, other people's, a name filter. */
export function ListsHome(props: {
  me: UserDto;
  onOpen: (list: ListDto) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const layout = useLayout();
  const api = useApi();
  const [owner, setOwner] = useState<'me' | 'others'>('me');
  const [q, setQ] = useState('');
  const [pages, setPages] = useState(1);
  const loaded = useLoad(async () => {
    const { items, more } = await readPages(pages, pageSize, (page) =>
      api.lists.list({
        owner: owner === 'me' ? 'me' : 'all',
        q: q.trim() || undefined,
        page,
        pageSize,
      }),
    );
    // Other people's lists are every list but mine: the API has no such filter.
    const shown =
      owner === 'me' ? items : items.filter((l) => l.owner.id !== props.me.id);

    return { shown, more };
  }, [api, owner, q, pages, props.me.id]);

  return (
    <div className={layout.column}>
      <TabList
        selectedValue={owner}
        onTabSelect={(_, data) => {
          setOwner(data.value as 'me' | 'others');
          setPages(1);
        }}
      >
        <Tab value="me">{t('lists.mine')}</Tab>
        <Tab value="others">{t('lists.others')}</Tab>
      </TabList>
      <Field label={t('lists.search')}>
        <SearchBox
          placeholder={t('lists.searchPlaceholder')}
          value={q}
          onChange={(_, data) => {
            setQ(data.value);
            setPages(1);
          }}
        />
      </Field>
      <LoadState loaded={loaded}>
        {({ shown, more }) => (
          <>
            {shown.length === 0 && <p>{t('lists.none')}</p>}
            <ul
              className={styles.list}
              aria-label={t(owner === 'me' ? 'lists.mine' : 'lists.others')}
            >
              {shown.map((list) => (
                <li key={list.id} className={styles.item}>
                  <Button
                    appearance="transparent"
                    className={styles.name}
                    aria-label={t('lists.open', { name: list.name })}
                    onClick={() => props.onOpen(list)}
                  >
                    {list.name}
                  </Button>
                  <Caption1>
                    {t('lists.owner', { name: list.owner.displayName })}
                    {' · '}
                    {t(
                      list.memberCount === 1
                        ? 'lists.members.one'
                        : 'lists.members',
                      {
                        count: list.memberCount,
                      },
                    )}
                    {' · '}
                    {t(
                      list.entity === 'contact'
                        ? 'lists.entity.contact'
                        : 'lists.entity.company',
                    )}
                  </Caption1>
                  {list.pendingCount > 0 && (
                    <Badge appearance="tint" color="warning">
                      {t('lists.pending', { count: list.pendingCount })}
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
            {more && (
              <Button onClick={() => setPages((value) => value + 1)}>
                {t('lists.more')}
              </Button>
            )}
          </>
        )}
      </LoadState>
    </div>
  );
}
