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

describe('the wording of common problems', () => {
  const account = z.object({
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(['admin', 'editor']),
    password: z.string().min(12).optional(),
    email: z.email(),
    tags: z.array(z.string()).min(1).max(3),
    count: z.number().int().min(1).optional(),
  });

  it('says what is wrong as a person would, in French and English', () => {
    expect(
      inputProblems(account, {
        displayName: '  ',
        role: 'boss',
        password: 'court',
        email: 'pas-une-adresse',
        tags: [],
      }),
    ).to.deep.equal({
      problems: [
        { path: 'displayName', fr: 'champ obligatoire', en: 'required' },
        {
          path: 'role',
          fr: 'valeur non prévue : une de « admin », « editor » attendue',
          en: 'unexpected value: one of "admin", "editor" expected',
        },
        {
          path: 'password',
          fr: '12 caractères au moins',
          en: 'at least 12 characters',
        },
        {
          path: 'email',
          fr: 'adresse e-mail invalide',
          en: 'invalid email address',
        },
        {
          path: 'tags',
          fr: 'au moins un élément attendu',
          en: 'at least one item expected',
        },
      ],
    });
    expect(
      inputProblems(account, {
        displayName: 42,
        email: 'a@b.fr',
        tags: ['a', 'b', 'c', 'd'],
        count: 0,
      }),
    ).to.deep.equal({
      problems: [
        { path: 'displayName', fr: 'texte attendu', en: 'text expected' },
        { path: 'role', fr: 'champ obligatoire', en: 'required' },
        { path: 'tags', fr: '3 éléments au plus', en: '3 items at most' },
        { path: 'count', fr: '1 au moins', en: 'at least 1' },
      ],
    });
  });

  it('keeps a schema’s own message first', () => {
    const named = z.object({
      code: z.string().min(6, { message: '6 chiffres / 6 digits' }),
    });
    expect(inputProblems(named, { code: '12' })).to.deep.equal({
      problems: [
        {
          path: 'code',
          fr: '6 chiffres / 6 digits',
          en: '6 chiffres / 6 digits',
        },
      ],
    });
  });
});

describeEachDatabase('deeply nested request bodies', (db) => {
  let h: Awaited<ReturnType<typeof signedInApp>>;
  before(async () => {
    h = await signedInApp(db());
  });

  it('names an empty account form’s fields as a person would', async () => {
    const created = await h.request
      .post('/api/users')
      .set({ Authorization: `Bearer ${h.tokens.admin}` })
      .send({ email: 'nina@relais.test', displayName: '  ', role: 'boss' });
    expect(created.status, JSON.stringify(created.body)).to.equal(400);
    expect(created.body.error.fields).to.deep.equal([
      { path: 'displayName', message: 'champ obligatoire / required' },
      {
        path: 'role',
        message:
          'valeur non prévue : une de « admin », « editor » attendue / ' +
          'unexpected value: one of "admin", "editor" expected',
      },
    ]);
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
