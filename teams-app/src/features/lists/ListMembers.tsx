import {
  Button,
  Caption1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  type CompanyMember,
  type ContactMember,
  type ListDto,
} from 'core-api/client';
import { useApi } from '../../api.ts';
import { formatInstant } from '../../format.ts';
import { useI18n } from '../../i18n/I18n.tsx';
import { LoadState } from '../../ui/LoadState.tsx';
import { Problem } from '../../ui/Problem.tsx';
import { readPages } from '../../ui/readPages.ts';
import { useAttempt } from '../../ui/useAttempt.ts';
import { useLoad } from '../../ui/useLoad.ts';
import { changeMessage, type Outcome } from './outcome.ts';
import { useRowStyles } from './rowStyles.ts';

type Member = ContactMember | CompanyMember;

const pageSize = 50;

const useStyles = makeStyles({
  grow: { flexGrow: 1, minWidth: '12rem' },
});

function nameOf(member: Member): string {
  return 'displayName' in member ? member.displayName : member.name;
}

function detailOf(member: Member): string {
  const parts =
    'displayName' in member
      ? [member.function, member.company, member.city]
      : [member.companyType, member.city];

  return parts.filter(Boolean).join(' · ');
}

/** The members, with who added each and when, and a remove button. */
export function ListMembers(props: {
  list: ListDto;
  revision: number;
  onChanged: (outcome: Outcome) => void;
}) {
  const { t } = useI18n();
  const rows = useRowStyles();
  const styles = useStyles();
  const api = useApi();
  const { list } = props;
  const [pages, setPages] = useState(1);
  const { problem, attempt } = useAttempt();
  const loaded = useLoad(async () => {
    const answer = await readPages(pages, pageSize, (page) =>
      api.lists.members(list.id, { page, pageSize }),
    );

    return { ...answer, items: answer.items as Member[] };
  }, [api, list.id, pages, props.revision]);

  const remove = (member: Member) =>
    attempt(async () => {
      const report = await api.lists.removeMembers(list.id, {
        entity: list.entity,
        ids: [member.id],
      });
      props.onChanged(changeMessage('remove', report, nameOf(member), list));
    });

  return (
    <LoadState loaded={loaded}>
      {({ items, total, more }) => (
        <section aria-labelledby="members-title">
          <h2 id="members-title" className={rows.heading}>
            {t('list.members', { count: total })}
          </h2>
          {problem && <Problem text={problem} />}
          {items.length === 0 && <Text>{t('list.empty')}</Text>}
          <ul className={rows.list}>
            {items.map((member) => (
              <li key={member.id} className={rows.row}>
                <div className={styles.grow}>
                  <Text weight="semibold">{nameOf(member)}</Text>
                  <br />
                  <Caption1>
                    {[
                      detailOf(member),
                      member.addedBy && member.approvedBy
                        ? t('list.proposedBy', {
                            name: member.addedBy.displayName,
                            approver: member.approvedBy.displayName,
                            date: formatInstant(member.addedAt),
                          })
                        : member.addedBy
                          ? t('list.addedBy', {
                              name: member.addedBy.displayName,
                              date: formatInstant(member.addedAt),
                            })
                          : t('list.addedOn', {
                              date: formatInstant(member.addedAt),
                            }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Caption1>
                </div>
                <Button size="small" onClick={() => void remove(member)}>
                  {t(list.canManage ? 'list.remove' : 'list.proposeRemove', {
                    name: nameOf(member),
                  })}
                </Button>
              </li>
            ))}
          </ul>
          {more && (
            <Button onClick={() => setPages((value) => value + 1)}>
              {t('list.more')}
            </Button>
          )}
        </section>
      )}
    </LoadState>
  );
}
