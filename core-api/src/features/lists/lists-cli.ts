import { readFile } from 'node:fs/promises';
import type { Ctx } from '../../platform/context.ts';
import { parseInput } from '../../platform/http/validate.ts';
import { parisDateTime } from '../../platform/text/paris-time.ts';
import { changeMembers } from './list-changes.ts';
import { listHistory } from './list-history.ts';
import {
  decideRequest,
  decideRequests,
  withdrawRequest,
} from './list-requests.ts';
import { listRequests, pendingRequests } from './request-pages.ts';
import {
  bulkDecisionInput,
  handOverInput,
  listInput,
  listQuery,
  memberChange,
  pendingQuery,
  requestQuery,
  type ChangeReport,
  type ListDto,
  type ListEventDto,
  type RequestDto,
  type RequestOutcome,
} from './lists.schemas.ts';
import {
  createList,
  getList,
  handOverList,
  listLists,
} from './lists.service.ts';
import { listMembers } from './list-members.ts';
import { counted } from '../../platform/text/plural.ts';

/** Options of `relais list`, merged into the command line's own. */
export const listCliOptions = {
  'from-query': { type: 'string' },
  'from-saved': { type: 'string' },
  contacts: { type: 'string' },
  companies: { type: 'string' },
  entity: { type: 'string' },
  description: { type: 'string' },
  all: { type: 'string' },
  to: { type: 'string' },
  note: { type: 'string' },
  status: { type: 'string' },
  mine: { type: 'boolean', default: false },
  lang: { type: 'string' },
} as const;

export const listUsage = `  list ls [--mine]           listes statiques (toutes, ou les miennes)
  list show ID               une liste et ses premiers membres
  list create --name NOM [--entity company] [--description TEXTE]
              [--from-query REQUÊTE.json | --from-saved ID | --contacts 1,2,3]
                             crée une liste (instantané d’une requête, ou ids)
  list add|remove ID (--contacts 1,2,3 | --companies 4,5) [--note TEXTE]
                             change les membres (une demande si la liste
                             n’est pas à vous)
  list requests ID [--status pending|approved|rejected|withdrawn|all]
  list pending               demandes en attente de ma décision
  list approve|reject (DEMANDE | --all LISTE) [--note TEXTE]
                             tranche une demande, ou toutes celles d’une liste
  list withdraw DEMANDE      retire ma demande en attente
  list hand-over ID --to EMAIL
                             confie la liste à un autre utilisateur
  list history ID            qui a proposé, qui a décidé, quand
                             (list … --lang en : réponses en anglais)`;

type Values = Record<string, string | boolean | undefined>;
type Lang = 'fr' | 'en';

const text = (value: string | boolean | undefined) =>
  typeof value === 'string' ? value : undefined;

const idsOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .map(Number);

const statusWords: Record<RequestDto['status'], [string, string]> = {
  pending: ['en attente', 'pending'],
  approved: ['acceptée', 'approved'],
  rejected: ['refusée', 'rejected'],
  withdrawn: ['retirée', 'withdrawn'],
};

/** What became of an approved request, in each language. */
const outcomeWords: Record<RequestOutcome, [string, string]> = {
  applied: ['appliquée', 'applied'],
  already_member: ['déjà membre', 'already a member'],
  not_member: ['n’était plus membre', 'no longer a member'],
  member_deleted: ['fiche supprimée', 'record deleted'],
  merged: ['fiche fusionnée', 'record merged'],
};

function listLine(list: ListDto, lang: Lang): string {
  const what =
    list.entity === 'company'
      ? lang === 'fr'
        ? 'sociétés'
        : 'companies'
      : 'contacts';
  const pending =
    list.pendingCount > 0
      ? lang === 'fr'
        ? `, ${counted('fr', list.pendingCount, 'demande en attente', 'demandes en attente')}`
        : `, ${counted('en', list.pendingCount, 'pending request', 'pending requests')}`
      : '';

  return (
    `${list.id}\t${list.name}\t${list.memberCount} ${what}\t` +
    `${lang === 'fr' ? 'propriétaire' : 'owner'} : ${list.owner.displayName}${pending}`
  );
}

function requestLine(request: RequestDto, lang: Lang): string {
  const change =
    request.action === 'add'
      ? lang === 'fr'
        ? 'ajouter'
        : 'add'
      : lang === 'fr'
        ? 'retirer'
        : 'remove';
  const status = statusWords[request.status][lang === 'fr' ? 0 : 1];
  const outcome = request.outcome
    ? ` : ${outcomeWords[request.outcome][lang === 'fr' ? 0 : 1]}`
    : '';
  const decided = request.decidedBy
    ? ` — ${request.decidedBy.displayName}` +
      (request.decidedFor
        ? ` (${lang === 'fr' ? 'pour' : 'for'} ${request.decidedFor.displayName})`
        : '') +
      (request.decidedAt ? ` ${parisDateTime(request.decidedAt)}` : '') +
      outcome +
      (request.decisionNote ? ` « ${request.decisionNote} »` : '')
    : '';
  const note = request.note ? ` « ${request.note} »` : '';

  return (
    `#${request.id}\t${request.listName}\t${change} ${request.memberLabel} ` +
    `(${request.memberId})${note}\t${request.proposedBy.displayName} ` +
    `${parisDateTime(request.proposedAt)}\t${status}${decided}`
  );
}

function eventLine(event: ListEventDto): string {
  const who = event.actor?.displayName ?? '—';
  const forWhom = event.actingFor ? ` (→ ${event.actingFor.displayName})` : '';
  const proposer = event.proposedBy ? ` ← ${event.proposedBy.displayName}` : '';
  const count = event.memberCount === null ? '' : ` [${event.memberCount}]`;

  return `${event.occurredAt}\t${event.action}${count}\t${who}${forWhom}${proposer}`;
}

function reportText(report: ChangeReport, lang: Lang): string {
  const fr = lang === 'fr';
  const lines = [
    report.mode === 'applied'
      ? `${fr ? 'Appliqué' : 'Applied'} : ${report.applied.length}`
      : `${fr ? 'Demandes envoyées au propriétaire' : 'Requests sent to the owner'} : ` +
        `${report.requests.length} (${report.requests.map((id) => `#${id}`).join(', ')})`,
  ];
  const named: [number[], string, string][] = [
    [report.alreadyMember, 'déjà membres', 'already members'],
    [report.notMember, 'pas membres', 'not members'],
    [report.alreadyPending, 'déjà demandés', 'already requested'],
  ];
  for (const [ids, frLabel, enLabel] of named)
    if (ids.length > 0)
      lines.push(`${fr ? frLabel : enLabel} : ${ids.join(', ')}`);

  return lines.join('\n');
}

async function sourceOf(values: Values) {
  const file = text(values['from-query']);
  if (file) {
    const raw = await readFile(file, 'utf8').catch(() => {
      throw new Error(`impossible de lire ${file} / cannot read ${file}`);
    });
    let query: unknown;
    try {
      query = JSON.parse(raw);
    } catch {
      throw new Error(`${file} : JSON illisible / unreadable JSON`);
    }
    return { kind: 'query', query };
  }
  const saved = text(values['from-saved']);
  if (saved) return { kind: 'savedQuery', savedQueryId: Number(saved) };
  const ids = idsOf(text(values.contacts) ?? text(values.companies));

  return ids.length > 0 ? { kind: 'ids', ids } : { kind: 'empty' };
}

/**
 * `relais list …`: the same services and rights as the API, in French
 * unless `--lang en`.
 *
 * @returns what to print (JSON or text) and the exit status
 */
export async function listCommand(
  ctx: Ctx,
  rest: string[],
  values: Values,
): Promise<{ value: unknown; text: string; status: number }> {
  const [action, arg] = rest;
  const lang: Lang = text(values.lang) === 'en' ? 'en' : 'fr';
  const fr = lang === 'fr';
  const id = () => {
    if (!arg || !/^\d+$/.test(arg))
      throw new Error(`usage : relais list ${action} ID`);
    return Number(arg);
  };
  const done = (value: unknown, lines: string) => ({
    value,
    text: lines,
    status: 0,
  });

  switch (action) {
    case 'ls': {
      const page = await listLists(
        ctx,
        parseInput(listQuery, {
          owner: values.mine ? 'me' : 'all',
          pageSize: text(values.limit) ?? '200',
        }),
      );
      const lines = page.items.map((list) => listLine(list, lang)).join('\n');
      return done(page, lines || (fr ? 'Aucune liste.' : 'No list.'));
    }
    case 'show': {
      const list = await getList(ctx, id());
      const members = await listMembers(ctx, list.id, {
        page: 1,
        pageSize: 20,
      });
      const names = members.items.map((m) =>
        'displayName' in m
          ? `  ${m.id}\t${m.displayName}`
          : `  ${m.id}\t${m.name}`,
      );
      return done(
        { list, members },
        [listLine(list, lang), ...names].join('\n'),
      );
    }
    case 'create': {
      const input = parseInput(listInput, {
        name: text(values.name),
        description: text(values.description),
        entity:
          text(values.entity) ?? (values.companies ? 'company' : 'contact'),
        source: await sourceOf(values),
      });
      const list = await createList(ctx, input);
      return done(
        list,
        `${fr ? 'Liste créée' : 'List created'} : ${listLine(list, lang)}`,
      );
    }
    case 'add':
    case 'remove': {
      const contacts = text(values.contacts);
      const companies = text(values.companies);
      if (!contacts === !companies) {
        throw new Error(
          `usage : relais list ${action} ID (--contacts 1,2,3 | --companies 4,5) / ` +
            'give either --contacts or --companies',
        );
      }
      const change = parseInput(memberChange, {
        entity: contacts ? 'contact' : 'company',
        ids: idsOf(contacts ?? companies),
        note: text(values.note),
      });
      const report = await changeMembers(ctx, id(), action, change);
      return done(report, reportText(report, lang));
    }
    case 'requests': {
      const page = await listRequests(
        ctx,
        id(),
        parseInput(requestQuery, {
          status: text(values.status),
          pageSize: '200',
        }),
      );
      const lines = page.items.map((r) => requestLine(r, lang)).join('\n');
      return done(page, lines || (fr ? 'Aucune demande.' : 'No request.'));
    }
    case 'pending': {
      const page = await pendingRequests(
        ctx,
        parseInput(pendingQuery, { pageSize: '200' }),
      );
      const lines = page.items.map((r) => requestLine(r, lang)).join('\n');
      return done(
        page,
        lines || (fr ? 'Rien en attente.' : 'Nothing pending.'),
      );
    }
    case 'approve':
    case 'reject': {
      const decision = action;
      const note = text(values.note);
      const all = text(values.all);
      if (all) {
        if (!/^\d+$/.test(all))
          throw new Error(`usage : relais list ${action} --all LISTE`);
        const report = await decideRequests(
          ctx,
          Number(all),
          decision,
          parseInput(bulkDecisionInput, { note }),
        );
        const lines = report.decided.map((r) => requestLine(r, lang));
        return done(
          report,
          lines.join('\n') || (fr ? 'Rien en attente.' : 'Nothing pending.'),
        );
      }
      const request = await decideRequest(ctx, id(), decision, note);
      return done(request, requestLine(request, lang));
    }
    case 'withdraw': {
      const request = await withdrawRequest(ctx, id());
      return done(request, requestLine(request, lang));
    }
    case 'hand-over': {
      const list = await handOverList(
        ctx,
        id(),
        parseInput(handOverInput, {
          toEmail: text(values.to),
          note: text(values.note),
        }),
      );
      return done(
        list,
        `${fr ? 'Liste confiée' : 'List handed over'} : ${listLine(list, lang)}`,
      );
    }
    case 'history': {
      await getList(ctx, id());
      const page = await listHistory(ctx, id(), { page: 1, pageSize: 200 });
      return done(page, page.items.map(eventLine).join('\n'));
    }
    default:
      throw new Error(
        'usage : relais list ls | show | create | add | remove | requests | pending | ' +
          'approve | reject | withdraw | hand-over | history',
      );
  }
}
