import { expect } from 'chai';
import { z } from 'zod';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';
import { inputProblems, maxNesting } from './validate.ts';

/** `levels` arrays, one inside the other, around a string. */
function nestedArrays(levels: number): unknown {
  let value: unknown = 'Marie';
  for (let level = 0; level < levels; level += 1) value = [value];
  return value;
}

/** `levels` query groups, one inside the other. */
function nestedGroups(levels: number): unknown {
  let group: unknown = { op: 'and', items: [] };
  for (let level = 0; level < levels; level += 1) {
    group = { op: 'or', items: [group] };
  }
  return group;
}

describe('inputProblems', () => {
  it('refuses a value nested past the limit without overflowing the stack', () => {
    const checked = inputProblems(z.unknown(), nestedArrays(100_000));
    expect(checked)
      .to.have.property('problems')
      .that.deep.equals([
        {
          path: '(body)',
          fr: `imbrication trop profonde (plus de ${maxNesting} niveaux)`,
          en: `nested too deeply (more than ${maxNesting} levels)`,
        },
      ]);
  });

  it('still walks a value up to the limit and finds control characters', () => {
    const deep = { a: nestedArrays(maxNesting - 2), b: ['ok', 'x\u0000y'] };
    expect(inputProblems(z.unknown(), deep)).to.deep.equal({
      problems: [
        {
          path: 'b.1',
          fr: 'caractère de contrôle interdit',
          en: 'control character not allowed',
        },
      ],
    });
    expect(
      inputProblems(z.unknown(), { a: nestedArrays(10) }),
    ).to.have.property('data');
  });
});

describeEachDatabase('deeply nested request bodies', (db) => {
  let h: Awaited<ReturnType<typeof signedInApp>>;
  before(async () => {
    h = await signedInApp(db());
  });

  it('gets a 400 in French and English, not a 500', async () => {
    const auth = { Authorization: `Bearer ${h.tokens.editor}` };
    const count = await h.request
      .post('/api/targeting/count')
      .set(auth)
      .send({ query: { entity: 'contact', where: nestedGroups(2_000) } });
    expect(count.status, JSON.stringify(count.body)).to.equal(400);
    expect(JSON.stringify(count.body)).to.include('imbrication trop profonde');
    expect(JSON.stringify(count.body)).to.include('nested too deeply');

    const contact = await h.request
      .post('/api/contacts')
      .set(auth)
      .send({ firstName: nestedArrays(3_000), lastName: 'Dupont' });
    expect(contact.status, JSON.stringify(contact.body)).to.equal(400);
    expect(JSON.stringify(contact.body)).to.include(
      'imbrication trop profonde',
    );
  });
});
