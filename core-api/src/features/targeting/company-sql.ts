import { words } from '../../platform/text/fold.ts';
import type { QueryCriterion } from './query.schemas.ts';
import { Compiler, unexpected } from './sql-compiler.ts';

/** Compiles company queries (alias `co`). */
export class CompanyCompiler extends Compiler {
  override positive(criterion: QueryCriterion): string {
    const value = criterion.value;
    const present = (column: string) =>
      value
        ? `(${column} IS NOT NULL AND ${column} <> '')`
        : `(${column} IS NULL OR ${column} = '')`;
    switch (criterion.field) {
      case 'id':
        return this.ids(
          'co.id',
          value as number[],
          criterion.operator === 'in',
        );
      case 'text': {
        const found = this.textWords(value as string).map(
          (word) =>
            'co.id IN (SELECT st.entity_id FROM search_tokens st ' +
            `WHERE st.entity_type = 'company' AND ${word})`,
        );
        return found.length ? `(${found.join(' AND ')})` : '1 = 1';
      }
      case 'name': {
        if (criterion.operator === 'contains') {
          return this.text('co.name', criterion);
        }
        const key = words(value as string).join(' ');
        if (!key) return '1 = 0';
        return criterion.operator === 'eq'
          ? `co.name_key = ${this.lit(key)}`
          : this.prefix('co.name_key', key);
      }
      case 'companyType':
        return this.text('co.company_type', criterion);
      case 'terms':
        return this.terms(
          criterion,
          (ids) =>
            `(co.sector_id IN (${this.list(ids)}) OR co.id IN ` +
            '(SELECT ctm.company_id FROM company_terms ctm ' +
            `WHERE ctm.term_id IN (${this.list(ids)})))`,
        );
      case 'city':
      case 'postalCode':
      case 'department':
      case 'region':
      case 'country': {
        const columns = {
          city: 'co.city',
          postalCode: 'co.postal_code',
          country: 'co.country',
        };
        if (criterion.operator === 'notIn' && criterion.field !== 'city') {
          return `NOT ${this.geography({ ...criterion, operator: 'in' }, columns)}`;
        }
        return this.geography(criterion, columns);
      }
      case 'hasEmail':
        return present('co.email');
      case 'hasPhone':
        return present('co.phone_raw');
      case 'hasFax':
        return present('co.fax_raw');
      case 'hasAddress':
        return value
          ? "(co.city IS NOT NULL AND co.city <> '' AND " +
              '(co.street IS NOT NULL OR co.postal_code IS NOT NULL))'
          : "(co.city IS NULL OR co.city = '' OR (co.street IS NULL AND co.postal_code IS NULL))";
      case 'createdAt':
        return this.date('co.created_at', criterion);
      case 'updatedAt':
        return this.date('co.updated_at', criterion);
      case 'list':
        return (
          `co.id ${criterion.operator === 'in' ? 'IN' : 'NOT IN'} ` +
          '(SELECT lco.company_id FROM list_companies lco JOIN lists l ON l.id = lco.list_id ' +
          `WHERE l.deleted_at IS NULL AND lco.list_id IN (${this.list(value as number[])}))`
        );
      default:
        throw unexpected(criterion);
    }
  }
}
