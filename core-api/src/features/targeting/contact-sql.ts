import { words } from '../../platform/text/fold.ts';
import { phoneticKey, soundKey } from '../search/search-text.ts';
import {
  isGroup,
  type QueryCriterion,
  type QueryGroup,
} from './query.schemas.ts';
import { accentBlindPattern, Compiler, unexpected } from './sql-compiler.ts';

/** Rows of a child table that point at contacts: which column, where from, which rows. */
type Rows = { key: string; from: string; where?: string };

/**
 * Compiles contact queries (alias `c`). A criterion on a child table is
 * written one of two ways:
 * - a list, `c.id IN (SELECT contact_id …)`: the database may start from the
 *   smallest list and look the contacts up (counts, small targets);
 * - a probe, `EXISTS (… WHERE contact_id = c.id)`: checked contact by contact,
 *   which lets a page walk the contacts in sort order and stop after its
 *   rows (broad targets).
 * Criteria that hold for most of a base (has an email…) are always probes:
 * as lists they would be read whole for nothing.
 */
export class ContactCompiler extends Compiler {
  /** Probes rather than lists (see above). */
  probe = false;

  /**
   * Inside an AND group that has criteria to start from (`drives`), those
   * stay lists and every other criterion, nested groups included, becomes a
   * probe: checking the few contacts the lists give is cheaper than gathering
   * every contact with a common function word or sector.
   */
  private startFrom: Set<QueryCriterion> | null = null;

  override group(group: QueryGroup): string {
    const outer = this.startFrom;
    const outerProbe = this.probe;
    if (!outer && scans(group)) this.probe = true;
    if (!outer && group.op === 'and' && !group.not) {
      const criteria = group.items.filter(
        (item): item is QueryCriterion => !isGroup(item),
      );
      const strong = criteria.filter((item) => drives(item) === 2);
      const chosen = strong.length
        ? strong
        : criteria.filter((item) => drives(item) === 1);
      if (chosen.length > 0) this.startFrom = new Set(chosen);
    }
    const sql = super.group(group);
    this.startFrom = outer;
    this.probe = outerProbe;

    return sql;
  }

  /** True for a criterion checked on the contacts that other lists give. */
  private checkedOnly(criterion: QueryCriterion): boolean {
    return this.startFrom !== null && !this.startFrom.has(criterion);
  }

  override criterion(criterion: QueryCriterion): string {
    if (this.probe || !this.checkedOnly(criterion)) {
      return super.criterion(criterion);
    }
    this.probe = true;
    const sql = super.criterion(criterion);
    this.probe = false;

    return sql;
  }

  /** The contacts with (or, when `present` is false, without) such rows. */
  member(rows: Rows, present = true, probe = this.probe): string {
    if (probe) {
      const where = rows.where ? `${rows.where} AND ` : '';

      return (
        `${present ? '' : 'NOT '}EXISTS (SELECT 1 FROM ${rows.from} ` +
        `WHERE ${where}${rows.key} = c.id)`
      );
    }
    const where = rows.where ? ` WHERE ${rows.where}` : '';

    return this.inList(`SELECT ${rows.key} FROM ${rows.from}${where}`, present);
  }

  /** `c.id IN (select)`. */
  inList(select: string, present = true): string {
    return `c.id ${present ? 'IN' : 'NOT IN'} (${select})`;
  }

  /**
   * Contacts located by `own` (a condition on `ca`, one of their addresses)
   * or, for those without any address, by `company` (a condition on `co`,
   * their main company: the current affiliation marked primary).
   */
  located(
    own: string,
    company: string,
    present = true,
    probe = this.probe,
  ): string {
    if (probe) {
      const sql =
        `(EXISTS (SELECT 1 FROM contact_addresses ca WHERE ${own} AND ca.contact_id = c.id) ` +
        `OR (${homeless('c.id')} AND ` +
        `EXISTS (SELECT 1 FROM ${this.mainCompany(company)} AND cc.contact_id = c.id)))`;

      return present ? sql : `NOT ${sql}`;
    }

    return this.inList(
      `SELECT ca.contact_id FROM contact_addresses ca WHERE ${own} UNION ALL ` +
        `SELECT cc.contact_id FROM ${this.mainCompany(company)} AND ${homeless('cc.contact_id')}`,
      present,
    );
  }

  /** A contact's main company (`cc`, `co`) matching `where`: FROM … WHERE …. */
  mainCompany(where: string): string {
    return (
      'contact_companies cc JOIN companies co ON co.id = cc.company_id ' +
      'AND co.deleted_at IS NULL WHERE cc.end_date IS NULL AND ' +
      `cc.is_primary = ${this.lit(true)} AND ${where}`
    );
  }

  /** Contacts with a current affiliation whose row matches `where`. */
  affiliated(where: string, withCompany = false, present = true): string {
    const join = withCompany
      ? ' JOIN companies co ON co.id = cc.company_id AND co.deleted_at IS NULL'
      : '';

    return this.member(
      {
        key: 'cc.contact_id',
        from: `contact_companies cc${join}`,
        where: `cc.end_date IS NULL AND ${where}`,
      },
      present,
    );
  }

  /**
   * Contacts with a search token matching `condition`, always as a list: a
   * probe would let SQLite pick the token index over the entity one and
   * read every contact with that word for each contact.
   */
  tokens(condition: string): string {
    const list = this.member(
      {
        key: 'st.entity_id',
        from: 'search_tokens st',
        where: `st.entity_type = 'contact' AND ${condition}`,
      },
      true,
      false,
    );
    // For a page that walks an index, SQLite would still start from the
    // list and sort; `+c.id` keeps the list as a filter only.
    return this.probe && this.dialect === 'sqlite' ? `+${list}` : list;
  }

  override positive(criterion: QueryCriterion): string {
    const value = criterion.value;
    switch (criterion.field) {
      case 'id':
        return this.ids('c.id', value as number[], criterion.operator === 'in');
      case 'text': {
        const found = this.textWords(value as string).map((word) =>
          this.tokens(word),
        );
        return found.length ? `(${found.join(' AND ')})` : '1 = 1';
      }
      case 'lastName':
        if (criterion.operator === 'soundsLike') {
          return this.soundsLike(value as string);
        }
        return this.text('c.last_name', criterion);
      case 'firstName':
        return this.text('c.first_name', criterion);
      case 'title':
        return this.text('c.title', criterion);
      case 'origin':
        return this.text('c.origin', criterion);
      case 'notes':
        return this.text('c.notes', criterion);
      case 'civility':
        return this.codes('c.civility', criterion);
      case 'contactType':
        return this.codes('c.contact_type', criterion);
      case 'preferredChannel':
        return this.codes('c.preferred_channel', criterion);
      case 'doNotContact':
        return this.bool('c.do_not_contact', value as boolean);
      case 'optOutEmail':
        return this.bool('c.opt_out_email', value as boolean);
      case 'optOutSms':
        return this.bool('c.opt_out_sms', value as boolean);
      case 'optOutPost':
        return this.bool('c.opt_out_post', value as boolean);
      case 'optOutPhone':
        return this.bool('c.opt_out_phone', value as boolean);
      case 'terms':
        return this.terms(criterion, (ids) =>
          this.member({
            key: 'ct.contact_id',
            from: 'contact_terms ct',
            where: `ct.term_id IN (${this.list(ids)})`,
          }),
        );
      case 'companyTerms':
        return this.terms(criterion, (ids) =>
          this.affiliated(
            `(co.sector_id IN (${this.list(ids)}) OR co.id IN ` +
              '(SELECT ctm.company_id FROM company_terms ctm ' +
              `WHERE ctm.term_id IN (${this.list(ids)})))`,
            true,
          ),
        );
      case 'company':
        return this.company(criterion);
      case 'companyType':
        return criterion.operator === 'notIn'
          ? this.affiliated(
              this.text('co.company_type', { ...criterion, operator: 'in' }),
              true,
              false,
            )
          : this.affiliated(this.text('co.company_type', criterion), true);
      case 'function':
        return this.function(criterion);
      case 'city':
      case 'postalCode':
      case 'department':
      case 'region':
      case 'country':
        return this.address(criterion);
      case 'hasEmail':
        return this.presence(
          { key: 'ce.contact_id', from: 'contact_emails ce' },
          value,
        );
      case 'hasPhone':
        return this.presence(phones("cp.kind <> 'fax'"), value);
      case 'hasMobile':
        return this.presence(phones("cp.kind = 'mobile'"), value);
      case 'hasFax':
        return this.presence(phones("cp.kind = 'fax'"), value);
      case 'hasAddress':
        return this.presence(
          {
            key: 'ca.contact_id',
            from: 'contact_addresses ca',
            where:
              "ca.city IS NOT NULL AND ca.city <> '' " +
              'AND (ca.street IS NOT NULL OR ca.postal_code IS NOT NULL)',
          },
          value,
        );
      case 'createdAt':
        return this.date('c.created_at', criterion);
      case 'updatedAt':
        return this.date('c.updated_at', criterion);
      case 'list':
        return this.member(
          {
            key: 'lc.contact_id',
            from: 'list_contacts lc JOIN lists l ON l.id = lc.list_id',
            where:
              'l.deleted_at IS NULL AND ' +
              `lc.list_id IN (${this.list(value as number[])})`,
          },
          criterion.operator === 'in',
        );
      default:
        throw unexpected(criterion);
    }
  }

  /** Has an email, a phone…: true of most contacts, so always a probe. */
  presence(rows: Rows, value: unknown): string {
    return this.member(rows, value === true, true);
  }

  company(criterion: QueryCriterion): string {
    switch (criterion.operator) {
      case 'in':
      case 'notIn': {
        return this.affiliated(
          `cc.company_id IN (${this.list(criterion.value as number[])})`,
          false,
          criterion.operator === 'in',
        );
      }
      case 'startsWith': {
        const key = words(criterion.value as string).join(' ');
        if (!key) return '1 = 0';
        return this.affiliated(this.prefix('co.name_key', key), true);
      }
      case 'empty':
        return this.affiliated('1 = 1', true, false);
      case 'notEmpty':
        return this.affiliated('1 = 1', true);
      default:
        throw unexpected(criterion);
    }
  }

  /**
   * Function words found through the search index (accent- and
   * case-insensitive, by word beginnings), then confirmed in a current
   * affiliation's function.
   */
  function(criterion: QueryCriterion): string {
    const column = `cc.${this.ident('function')}`;
    if (criterion.operator === 'empty') {
      return this.affiliated(
        `${column} IS NOT NULL AND ${column} <> ''`,
        false,
        false,
      );
    }
    if (criterion.operator === 'notEmpty') {
      return this.affiliated(`${column} IS NOT NULL AND ${column} <> ''`);
    }
    const folded = words(criterion.value as string);
    if (folded.length === 0) return '1 = 0';
    const pattern = accentBlindPattern(folded);
    const confirmed =
      'EXISTS (SELECT 1 FROM contact_companies cc WHERE cc.contact_id = c.id ' +
      `AND cc.end_date IS NULL AND ${this.like(column, pattern)})`;
    // Beside a criterion the database can start from (a company, a
    // department…), reading the functions of those contacts is cheaper than
    // gathering every contact with the word ("chef": a tenth of the base).
    if (this.checkedOnly(criterion)) return confirmed;
    // Alone, the index finds the contacts with such words; only those that
    // remain after the other criteria have their functions read.
    const found = folded.map((word) =>
      this.tokens(this.prefix('st.token', word)),
    );

    return `(${[...found, confirmed].join(' AND ')})`;
  }

  /** A misspelt surname: any name word with the same sound keys (as search does). */
  soundsLike(typed: string): string {
    const conditions = words(typed).map((word) => {
      const keys = [`st.token = ${this.lit(word.slice(0, 64))}`];
      const phonetic = phoneticKey(word);
      const sound = soundKey(word);
      if (phonetic) keys.push(`st.phonetic = ${this.lit(phonetic)}`);
      if (sound) keys.push(`st.sound = ${this.lit(sound)}`);

      return this.tokens(`st.field = 'name' AND (${keys.join(' OR ')})`);
    });

    return conditions.length ? `(${conditions.join(' AND ')})` : '1 = 0';
  }

  /**
   * Cities by name through the search index (the longest word of each name,
   * which is no joining word: one list for all the names, the contacts' words
   * and those of the main companies of contacts without an address),
   * confirmed on the address; null when a name has only short words (then
   * every address is read).
   */
  cities(names: string[]): string | null {
    const longest: string[] = [];
    const own: string[] = [];
    const company: string[] = [];
    for (const name of names) {
      const folded = words(name);
      const word = [...folded].sort((a, b) => b.length - a.length)[0];
      if (!word || word.length < 4) return null;
      longest.push(word.slice(0, 64));
      own.push(this.like('ca.city', accentBlindPattern(folded, true)));
      company.push(this.like('co.city', accentBlindPattern(folded, true)));
    }
    const tokens = (entity: 'contact' | 'company') =>
      'SELECT st.entity_id FROM search_tokens st ' +
      `WHERE st.entity_type = '${entity}' AND ` +
      `st.token IN (${this.list([...new Set(longest)])})`;
    const list = this.inList(
      `${tokens('contact')} UNION ALL SELECT cc.contact_id FROM ` +
        `${this.mainCompany(`co.id IN (${tokens('company')})`)} ` +
        `AND ${homeless('cc.contact_id')}`,
    );
    // For a page that walks an index, SQLite would still start from the
    // list and sort; `+c.id` keeps the list as a filter only.
    const found = this.probe && this.dialect === 'sqlite' ? `+${list}` : list;
    const confirmed = this.located(
      `(${own.join(' OR ')})`,
      `(${company.join(' OR ')})`,
      true,
      true,
    );

    return `(${found} AND ${confirmed})`;
  }

  /**
   * Geography on the contact's own addresses or, for a contact without any
   * address, on its main company's (see `located`).
   */
  address(criterion: QueryCriterion): string {
    if (
      criterion.field === 'city' &&
      (criterion.operator === 'eq' || criterion.operator === 'in')
    ) {
      const names =
        criterion.operator === 'eq'
          ? [criterion.value as string]
          : (criterion.value as string[]);
      const found = this.cities(names);
      if (found) return found;
    }
    const located = (operator: QueryCriterion['operator'], present = true) =>
      this.located(
        this.geography(
          { ...criterion, operator },
          {
            city: 'ca.city',
            postalCode: 'ca.postal_code',
            country: 'ca.country',
          },
        ),
        this.geography(
          { ...criterion, operator },
          {
            city: 'co.city',
            postalCode: 'co.postal_code',
            country: 'co.country',
          },
        ),
        present,
      );
    if (criterion.operator === 'empty') return located('notEmpty', false);
    if (criterion.operator === 'notIn' && criterion.field !== 'city') {
      return located('in', false);
    }

    return located(criterion.operator);
  }
}

/** No address of one's own: the main company's then counts (see `located`). */
function homeless(contactId: string): string {
  return `NOT EXISTS (SELECT 1 FROM contact_addresses ca WHERE ca.contact_id = ${contactId})`;
}

function phones(where: string): Rows {
  return { key: 'cp.contact_id', from: 'contact_phones cp', where };
}

/**
 * How good a start an item makes (see `drives`): an AND group as good as its
 * best item, an OR group as its worst branch, a negated group none.
 */
function strength(item: QueryGroup | QueryCriterion): 0 | 1 | 2 {
  if (!isGroup(item)) return drives(item);
  if (item.not || item.items.length === 0) return 0;
  const each = item.items.map(strength);

  return item.op === 'and'
    ? (Math.max(...each) as 0 | 1 | 2)
    : (Math.min(...each) as 0 | 1 | 2);
}

/**
 * True for an OR group that is best read by scanning the contacts, its child
 * rows checked as probes: some branch has only a wide list to start from (a
 * region, a domain), so reading every branch's list whole and looking each of
 * its contacts up would touch a large share of the base one row at a time
 * (three nested levels at 500,000: 600 ms with lists, 240 with probes, 270
 * with lists kept as filters of a scan). Branches of small lists only
 * (cities, companies) are still read as lists.
 */
function scans(group: QueryGroup): boolean {
  return group.op === 'or' && !group.not && strength(group) < 2;
}

/**
 * How good a start a criterion makes: 2 for lists usually small (ids, a
 * list, companies, a misspelt name, cities), 1 for wider ones (departments,
 * regions, terms), 0 for none.
 */
function drives(criterion: QueryCriterion): 0 | 1 | 2 {
  if (criterion.not) return 0;
  const listed = ['in', 'eq', 'startsWith'].includes(criterion.operator);
  switch (criterion.field) {
    case 'id':
    case 'company':
    case 'list':
    case 'city':
      return listed ? 2 : 0;
    case 'lastName':
      return criterion.operator === 'soundsLike' ? 2 : 0;
    case 'postalCode':
    case 'department':
    case 'region':
      return listed ? 1 : 0;
    // A word's beginning may be common ("jean"): a wide start at best.
    case 'text':
      return 1;
    case 'terms':
    case 'companyTerms':
      return criterion.operator === 'noneOf' ? 0 : 1;
    default:
      return 0;
  }
}
