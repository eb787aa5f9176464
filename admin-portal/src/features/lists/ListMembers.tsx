import {
  Button,
  Checkbox,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type {
  ChangeReport,
  CompanyMember,
  ContactMember,
  ListDto,
} from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';
import { companyHref, contactHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useResource } from '../../ui/useResource.ts';
import { ChangeOutcome } from './ChangeOutcome.tsx';
import { useReloadOnRevision } from './useRevision.ts';

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  tools: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: {
    display: 'flex',
    flexDirection: 'column',
    flex: '1 1 auto',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

type Member = ContactMember | CompanyMember;

const isContact = (member: Member): member is ContactMember =>
  'displayName' in member;

/** A member's name, for its link and the labels naming it. */
function memberName(member: Member): string {
  return isContact(member) ? member.displayName : member.name;
}

export type ListMembersProps = {
  list: ListDto;
  revision: number;
  onChanged: () => void;
};

/**
 * « Membres »: a page at a time, each linked to its card; ticked members
 * are removed by the owner, or their removal proposed by anyone else.
 */
export function ListMembers({ list, revision, onChanged }: ListMembersProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<number[]>([]);
  const members = useResource(
    () => client.lists.members(list.id, { page, pageSize: PAGE_SIZE }),
    `members:${list.id}`,
    { quietReload: true },
  );
  // Pages and changes keep the section on screen while the next is read.
  useReloadOnRevision(`${revision}:${page}`, members.reload);
  const remove = useAction<ChangeReport>();

  const removeChosen = async (ids: number[]) => {
    const done = await remove.run(() =>
      client.lists.removeMembers(list.id, { entity: list.entity, ids }),
    );
    if (!done) return;
    setChosen([]);
    onChanged();
  };

  const typeText = (member: Member) => {
    if (!isContact(member)) return member.companyType ?? '';
    const key = `contactType.${member.contactType}`;

    return isMessageKey(key) ? t(key) : member.contactType;
  };
  const details = (member: Member) =>
    (isContact(member)
      ? [
          typeText(member),
          member.function,
          member.company,
          member.primaryEmail,
          member.city,
        ]
      : [typeText(member), member.email, member.city]
    )
      .filter(Boolean)
      .join(' · ');

  const removeLabel = list.canManage
    ? t('members.removeChosen', { count: chosen.length })
    : t('members.proposeRemoval', { count: chosen.length });

  return (
    <Section title={t('members.title')}>
      <div className={styles.body}>
        {members.status === 'loading' && (
          <LoadingState label={t('app.loading')} />
        )}
        {members.status === 'error' && (
          <ErrorMessage
            message={errorMessage(members.error, t)}
            onRetry={members.reload}
          />
        )}
        {members.status === 'done' && members.data.total === 0 && (
          <p className={styles.empty}>{t('members.empty')}</p>
        )}
        {members.status === 'done' && members.data.total > 0 && (
          <>
            <div className={styles.tools}>
              <Button
                disabled={chosen.length === 0}
                disabledFocusable={remove.running}
                icon={remove.running ? <BusySpinner /> : undefined}
                onClick={() => removeChosen(chosen)}
              >
                {removeLabel}
              </Button>
            </div>
            <ul aria-label={t('members.title')} className={styles.list}>
              {members.data.items.map((member) => (
                <li key={member.id} className={styles.item}>
                  <Checkbox
                    aria-label={t('members.choose', {
                      name: memberName(member),
                    })}
                    checked={chosen.includes(member.id)}
                    onChange={(_, data) =>
                      setChosen((ids) =>
                        data.checked
                          ? [...ids, member.id]
                          : ids.filter((id) => id !== member.id),
                      )
                    }
                  />
                  <div className={styles.who}>
                    <Link
                      href={
                        list.entity === 'contact'
                          ? contactHref(member.id)
                          : companyHref(member.id)
                      }
                    >
                      {memberName(member)}
                    </Link>
                    <Muted>{details(member)}</Muted>
                    <Muted>
                      {member.addedBy && member.approvedBy
                        ? t('members.proposedBy', {
                            name: member.addedBy.displayName,
                            approver: member.approvedBy.displayName,
                            date: formatDateTime(member.addedAt),
                          })
                        : member.addedBy
                          ? t('members.addedBy', {
                              name: member.addedBy.displayName,
                              date: formatDateTime(member.addedAt),
                            })
                          : t('members.addedOn', {
                              date: formatDateTime(member.addedAt),
                            })}
                    </Muted>
                  </div>
                </li>
              ))}
            </ul>
            <Pager
              page={members.data.page}
              pageSize={PAGE_SIZE}
              total={members.data.total}
              onPage={(next) => {
                setPage(next);
                setChosen([]);
              }}
            />
          </>
        )}
        {remove.state.status === 'done' && (
          <ChangeOutcome
            action="remove"
            report={remove.state.data}
            owner={list.owner}
          />
        )}
        {remove.state.status === 'error' && (
          <ErrorMessage message={errorMessage(remove.state.error, t)} />
        )}
      </div>
    </Section>
  );
}
