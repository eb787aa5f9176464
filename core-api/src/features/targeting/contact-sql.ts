import { words } from '../../platform/text/fold.ts';
import { phoneticKey, soundKey } from '../search/search-text.ts';
import type { QueryCriterion } from './query.schemas.ts';
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

    return `c.id ${present ? 'IN' : 'NOT IN'} (SELECT ${rows.key} FROM ${rows.from}${where})`;
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

  /** Contacts with a search token matching `condition`. */
  tokens(condition: string): Rows {
    return {
      key: 'st.entity_id',
      from: 'search_tokens st',
      where: `st.entity_type = 'contact' AND ${condition}`,
    };
  }

  override positive(criterion: QueryCriterion): string {
    const value = criterion.value;
    switch (criterion.field) {
      case 'id':
        return (
          `c.id ${criterion.operator === 'in' ? 'IN' : 'NOT IN'} ` +
          `(${this.list(value as number[])})`
        );
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
    // The index finds the contacts with such words; only those that remain
    // after the other criteria have their current functions read.
    const found = folded.map((word) =>
      this.member(this.tokens(this.prefix('st.token', word))),
    );
    const confirmed =
      'EXISTS (SELECT 1 FROM contact_companies cc WHERE cc.contact_id = c.id ' +
      `AND cc.end_date IS NULL AND ${this.like(column, pattern)})`;

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

      return this.member(
        this.tokens(`st.field = 'name' AND (${keys.join(' OR ')})`),
      );
    });

    return conditions.length ? `(${conditions.join(' AND ')})` : '1 = 0';
  }

  /**
   * A city by name through the search index (its longest word, which is no
   * joining word), confirmed on the address; a scan of every address
   * otherwise, for names of short words only.
   */
  city(name: string): string | null {
    const folded = words(name);
    const longest = [...folded].sort((a, b) => b.length - a.length)[0];
    if (!longest || longest.length < 4) return null;
    const token = this.member(
      this.tokens(`st.token = ${this.lit(longest.slice(0, 64))}`),
    );
    const pattern = accentBlindPattern(folded, true);

    return (
      `(${token} AND EXISTS (SELECT 1 FROM contact_addresses ca ` +
      `WHERE ca.contact_id = c.id AND ${this.like('ca.city', pattern)}))`
    );
  }

  /**
   * Geography on the contact's own addresses.
   * TODO(#4): a contact known only by the company's address does not match;
   * "company city / department" criteria would cover it.
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
      const found = names.map((name) => this.city(name));
      if (found.every((sql) => sql !== null)) {
        return found.length === 1 ? found[0]! : `(${found.join(' OR ')})`;
      }
    }
    const columns = {
      city: 'ca.city',
      postalCode: 'ca.postal_code',
      country: 'ca.country',
    };
    const addresses = (where: string): Rows => ({
      key: 'ca.contact_id',
      from: 'contact_addresses ca',
      where,
    });
    const negated =
      criterion.operator === 'notIn' && criterion.field !== 'city';
    if (criterion.operator === 'empty') {
      return this.member(
        addresses(
          this.geography({ ...criterion, operator: 'notEmpty' }, columns),
        ),
        false,
      );
    }
    if (negated) {
      return this.member(
        addresses(this.geography({ ...criterion, operator: 'in' }, columns)),
        false,
      );
    }

    return this.member(addresses(this.geography(criterion, columns)));
  }
}

function phones(where: string): Rows {
  return { key: 'cp.contact_id', from: 'contact_phones cp', where };
}
