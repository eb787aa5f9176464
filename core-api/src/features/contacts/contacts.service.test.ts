import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { systemActor, type Ctx } from '../../platform/context.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { memoryLogger } from '../../test/memory-logger.ts';
import { search } from '../search/search.service.ts';
import { contactInput } from './contacts.schemas.ts';
import { insertContacts, loadContact } from './contacts.service.ts';

/** Contacts of an import: more than one slice of writes, each different. */
function importRows(count: number) {
  return Array.from({ length: count }, (_, index) =>
    contactInput.parse({
      civility: index % 2 ? 'M' : 'MME',
      firstName: `Prénom${index}`,
      lastName: index % 7 === 0 ? `L'Écuyer${index}` : `Nomlot${index}`,
      emails: [{ address: `contact${index}@lot.fr` }],
      phones:
        index % 3 === 0
          ? []
          : [{ number: `06 12 34 ${String(index).padStart(4, '0')}` }],
      addresses:
        index % 4 === 0 ? [{ city: 'Toulouse', postalCode: '31000' }] : [],
      affiliations: [
        { companyName: index % 2 ? 'Le Monde' : 'La Dépêche du Midi' },
      ],
      optOut: { email: index % 5 === 0 },
    }),
  );
}

describeEachDatabase('insertContacts', (db) => {
  const ctx = (): Ctx => ({
    db: db(),
    log: memoryLogger().log,
    actor: systemActor,
    region: 'FR',
  });

  it('gives each contact of a large batch its id, child rows and search words', async () => {
    // More than one statement's worth (1,000 rows) of contacts.
    const inputs = importRows(1010);
    const ids = await db().sequelize.transaction((transaction) =>
      insertContacts(
        ctx(),
        inputs,
        { source: 'import #1 (lot.xlsx)' },
        transaction,
        new Map(),
      ),
    );

    expect(ids).to.have.length(1010);
    expect(new Set(ids).size).to.equal(1010);
    for (const index of [0, 1, 99, 100, 500, 999, 1000, 1009]) {
      const contact = await loadContact(ctx(), ids[index] as number);
      const input = inputs[index]!;
      expect(contact.lastName).to.equal(input.lastName);
      expect((contact.emails ?? []).map((e) => e.address)).to.deep.equal([
        `contact${index}@lot.fr`,
      ]);
      expect(contact.phones).to.have.length(index % 3 === 0 ? 0 : 1);
      expect(contact.addresses).to.have.length(index % 4 === 0 ? 1 : 0);
      expect(contact.affiliations?.[0]?.company?.name).to.equal(
        index % 2 ? 'Le Monde' : 'La Dépêche du Midi',
      );
      expect(contact.optOutEmail).to.equal(index % 5 === 0);
      expect(JSON.parse(contact.fieldSources)).to.have.keys(
        'civility',
        'firstName',
        'lastName',
        'contactType',
        'emails',
        'affiliations',
        ...(index % 5 === 0 ? ['optOut'] : []),
        ...(index % 3 === 0 ? [] : ['phones']),
        ...(index % 4 === 0 ? ['addresses'] : []),
      );
    }

    const found = await search(ctx(), {
      q: "L'Écuyer203",
      type: 'contact',
      limit: 5,
    });
    expect(found.items.map((hit) => hit.id)).to.deep.equal([ids[203]]);
    const [{ count }] = (await db().sequelize.query(
      'SELECT COUNT(DISTINCT entity_id) AS count FROM search_tokens ' +
        `WHERE entity_type = 'contact' AND entity_id IN (${ids.join(',')})`,
      { type: QueryTypes.SELECT },
    )) as [{ count: number | string }];
    expect(Number(count)).to.equal(1010);
  });

  it('refuses a whole batch for one unknown term, writing none of it', async () => {
    const before = await db().models.Contact.count();
    const inputs = importRows(150);
    inputs[120] = { ...inputs[120]!, termIds: [987_654] };
    const failure = await db()
      .sequelize.transaction((transaction) =>
        insertContacts(ctx(), inputs, { source: 'lot' }, transaction),
      )
      .catch((error: unknown) => error);

    expect(failure).to.be.instanceOf(Error);
    expect(await db().models.Contact.count()).to.equal(before);
  });
});
