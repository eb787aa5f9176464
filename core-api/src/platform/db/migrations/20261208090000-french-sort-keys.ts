import { DataTypes, type QueryInterface } from 'sequelize';
import { contactSortKeys } from '../../text/name-keys.ts';
import { sortKey } from '../../text/fold.ts';
import { updateRows } from '../bulk-insert.ts';

const { STRING } = DataTypes;

type Row = Record<string, string | null>;

/**
 * Each folded key and the column it is made from, per table, and how a row's
 * keys are made: the writers' own functions, so a filled key is the one an
 * edit would write (a contact's missing name included, `contactSortKeys`).
 */
const keyed: {
  table: string;
  keys: [key: string, source: string][];
  fold: (row: Row) => Record<string, string | null>;
}[] = [
  {
    table: 'contacts',
    keys: [
      ['last_name_key', 'last_name'],
      ['first_name_key', 'first_name'],
    ],
    fold: (row) => {
      const keys = contactSortKeys({
        lastName: row.last_name,
        firstName: row.first_name,
      });
      return {
        last_name_key: keys.lastNameKey,
        first_name_key: keys.firstNameKey,
      };
    },
  },
  {
    table: 'contact_addresses',
    keys: [['city_key', 'city']],
    fold: (row) => ({ city_key: sortKey(row.city) }),
  },
  {
    table: 'companies',
    keys: [['city_key', 'city']],
    fold: (row) => ({ city_key: sortKey(row.city) }),
  },
];

/**
 * Fills the keys of the rows already there, `size` rows at a time in id
 * order, soft-deleted ones included. The folding is the application's
 * (`sortKey`), which no database can spell the same way, so each batch is
 * read, folded here and written back in one UPDATE (`updateRows`: literals,
 * no bound parameters, which SQL Server caps at 2,100).
 */
export async function backfillSortKeys(
  context: QueryInterface,
  size = 1000,
): Promise<void> {
  const { sequelize } = context;
  const mssql = sequelize.getDialect() === 'mssql';
  for (const { table, keys, fold } of keyed) {
    const sources = keys.map(([, source]) => source);
    let after = 0;
    for (;;) {
      const select =
        `SELECT ${mssql ? `TOP (${size}) ` : ''}id, ${sources.join(', ')} ` +
        `FROM ${table} WHERE id > ${after} ORDER BY id` +
        (mssql ? '' : ` LIMIT ${size}`);
      const [rows] = (await sequelize.query(select)) as [
        Record<string, unknown>[],
        unknown,
      ];
      if (rows.length === 0) break;
      after = Number(rows[rows.length - 1]!.id);
      const folded = rows.flatMap((row) => {
        const values = fold(row as Row);
        return Object.values(values).some((key) => key !== null)
          ? [{ id: Number(row.id), values }]
          : [];
      });
      await updateRows(sequelize, table, folded, undefined);
      if (rows.length < size) break;
    }
  }
}

/**
 * Names and cities sort in French order on every database (issue #4):
 * folded keys stored beside them (`sortKey`: no capitals, accents or
 * ligatures, word by word), written by every writer and read by targets,
 * lists and exports. Collations cannot do it portably: SQLite has no
 * accent-insensitive one, and PostgreSQL's and SQL Server's depend on how
 * the server was installed. The name index now leads with the keys (then the
 * names as typed, then the id: the whole sort), so a page of a broad target
 * still walks it and stops after its rows.
 */
export async function up({ context }: { context: QueryInterface }) {
  // Byte order whatever the database's collation: a linguistic one would
  // skip the spaces that separate words.
  const collated: Record<string, string> = {
    postgres: 'VARCHAR(120) COLLATE "C"',
    mssql: 'NVARCHAR(120) COLLATE Latin1_General_100_BIN2',
  };
  const type = collated[context.sequelize.getDialect()];
  for (const { table, keys } of keyed) {
    for (const [key] of keys) {
      await context.addColumn(table, key, {
        type: type ?? STRING(120),
        allowNull: true,
      });
    }
  }
  await backfillSortKeys(context);
  await context.removeIndex('contacts', 'contacts_last_name_first_name');
  await context.addIndex(
    'contacts',
    ['last_name_key', 'first_name_key', 'last_name', 'first_name', 'id'],
    { name: 'contacts_name_keys' },
  );
  // A contact's city for sorting, read from the index alone; the city
  // itself stays in it for the city criterion's probes.
  await context.removeIndex(
    'contact_addresses',
    'contact_addresses_contact_city',
  );
  await context.addIndex(
    'contact_addresses',
    ['contact_id', 'city_key', 'city'],
    {
      name: 'contact_addresses_contact_city_key',
    },
  );
}

export async function down({ context }: { context: QueryInterface }) {
  await context.removeIndex(
    'contact_addresses',
    'contact_addresses_contact_city_key',
  );
  await context.addIndex('contact_addresses', ['contact_id', 'city'], {
    name: 'contact_addresses_contact_city',
  });
  await context.removeIndex('contacts', 'contacts_name_keys');
  await context.addIndex('contacts', ['last_name', 'first_name'], {
    name: 'contacts_last_name_first_name',
  });
  for (const { table, keys } of keyed) {
    for (const [key] of keys) await context.removeColumn(table, key);
  }
}
