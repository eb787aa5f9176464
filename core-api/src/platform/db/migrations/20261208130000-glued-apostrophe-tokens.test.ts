import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { describeEachDatabase } from '../../../test/databases.ts';
import { ctxFor } from '../../../test/harness.ts';
import { contactInput } from '../../../features/contacts/contacts.schemas.ts';
import { createContact } from '../../../features/contacts/contacts.service.ts';
import { up } from './20261208130000-glued-apostrophe-tokens.ts';

describeEachDatabase('glued apostrophe tokens migration', (db) => {
  it('adds the glued words to records indexed before, once', async () => {
    const ctx = ctxFor(db());
    const { sequelize } = db();
    const { id } = await createContact(
      ctx,
      contactInput.parse({
        firstName: 'Sean',
        lastName: 'O’Brien',
        affiliations: [{ companyName: "L'Équipe" }],
      }),
    );
    // The index as the earlier tokeniser wrote it: no glued word.
    await sequelize.query(
      "DELETE FROM search_tokens WHERE token IN ('obrien', 'lequipe')",
    );
    const glued = () =>
      sequelize.query<{
        entity_type: string;
        entity_id: number;
        token: string;
      }>(
        'SELECT entity_type, entity_id, token FROM search_tokens ' +
          "WHERE token IN ('obrien', 'lequipe') ORDER BY entity_type, token",
        { type: QueryTypes.SELECT },
      );
    expect(await glued()).to.deep.equal([]);

    const context = sequelize.getQueryInterface();
    await up({ context });
    await up({ context });
    const rows = await glued();
    expect(rows.map((row) => [row.entity_type, row.token])).to.deep.equal([
      ['company', 'lequipe'],
      ['contact', 'lequipe'],
      ['contact', 'obrien'],
    ]);
    expect(
      rows
        .filter((row) => row.entity_type === 'contact')
        .map((row) => Number(row.entity_id)),
    ).to.deep.equal([id, id]);
  });
});
