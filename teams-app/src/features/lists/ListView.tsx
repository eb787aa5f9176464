import {
  Button,
  Caption1,
  Text,
  Title2,
  makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import { RelaisApiError, type ListDto, type UserDto } from 'core-api/client';
import { useApi } from '../../api.ts';
import { useI18n } from '../../i18n/I18n.tsx';
import { useLayout } from '../../ui/layout.ts';
import { LoadState } from '../../ui/LoadState.tsx';
import { Problem } from '../../ui/Problem.tsx';
import { useLoad } from '../../ui/useLoad.ts';
import { ListMembers } from './ListMembers.tsx';
import { DecidedRequests, ListRequests } from './ListRequests.tsx';
import { ProposeMember } from './ProposeMember.tsx';
import type { Outcome } from './outcome.ts';

const useStyles = makeStyles({ back: { alignSelf: 'flex-start' } });

/** Which of the three rights notices applies to the reader. */
function rightsNotice(list: ListDto, me: UserDto) {
  if (!list.canManage) return 'list.notOwner' as const;

  return list.owner.id === me.id
    ? ('list.youOwn' as const)
    : ('list.adminFor' as const);
}

/**
 * One list: who owns it, what the reader may do, the form to add a member,
 * the pending requests, the members, and the requests already decided.
 */
export function ListView(props: {
  listId: number;
  me: UserDto;
  onBack?: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const layout = useLayout();
  const api = useApi();
  const [revision, setRevision] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const loaded = useLoad(
    () => api.lists.get(props.listId),
    [api, props.listId, revision],
  );
  const changed = (next: Outcome) => {
    setOutcome(next);
    setRevision((value) => value + 1);
  };

  if (loaded.error instanceof RelaisApiError && loaded.error.status === 404)
    return <Problem text={t('lists.notFound')} />;

  return (
    <div className={layout.column}>
      {props.onBack && (
        <Button
          className={styles.back}
          appearance="subtle"
          onClick={props.onBack}
        >
          {t('app.back')}
        </Button>
      )}
      <LoadState loaded={loaded}>
        {(list) => (
          <>
            <header>
              <Title2 as="h1">{list.name}</Title2>
              <br />
              <Caption1>
                {t('lists.owner', { name: list.owner.displayName })}
              </Caption1>
              {list.description && <Text as="p">{list.description}</Text>}
            </header>
            <Problem
              intent={list.canManage ? 'info' : 'warning'}
              text={t(rightsNotice(list, props.me), {
                owner: list.owner.displayName,
              })}
            />
            <section
              aria-label={t(
                list.canManage ? 'propose.title' : 'propose.titleRequest',
              )}
            >
              <ProposeMember list={list} onChanged={changed} />
            </section>
            <div aria-live="polite">
              {outcome && (
                <Problem
                  intent={outcome.intent}
                  text={t(outcome.key, outcome.params)}
                />
              )}
            </div>
            <ListRequests
              list={list}
              me={props.me}
              revision={revision}
              onChanged={changed}
            />
            <ListMembers list={list} revision={revision} onChanged={changed} />
            <DecidedRequests list={list} revision={revision} />
          </>
        )}
      </LoadState>
    </div>
  );
}
