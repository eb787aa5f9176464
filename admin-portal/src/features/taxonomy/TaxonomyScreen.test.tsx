/// <reference types="mocha" />
import { expect } from 'chai';
import { termDto, type TermDto, type TermUsageDto } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fail, ok } from '../../test/fakeApi.ts';
import {
  expectEditorRefused,
  screenUnderTest,
  settle,
} from '../../test/screenKit.tsx';

function term(overrides: Partial<TermDto>): TermDto {
  return termDto.parse({
    id: 1,
    kind: 'domain',
    label: 'Culture',
    labelEn: null,
    parentId: null,
    position: 0,
    version: 1,
    deletedAt: null,
    ...overrides,
  });
}

const culture = term({ id: 1, label: 'Culture', labelEn: 'Culture' });
const music = term({ id: 2, label: 'Musique', parentId: 1 });
const theatre = term({ id: 3, label: 'Théâtre', parentId: 1, position: 1 });
const sport = term({ id: 4, label: 'Sport', position: 1 });
const press = term({ id: 5, kind: 'sector', label: 'Presse écrite' });
const radio = term({
  id: 9,
  kind: 'sector',
  label: 'Radio',
  deletedAt: '2026-12-02T10:00:00Z',
});
const jazz = term({
  id: 8,
  label: 'Jazz',
  parentId: 4,
  deletedAt: '2026-12-03T10:00:00Z',
});

const usage: TermUsageDto[] = [
  {
    termId: 1,
    contacts: 1,
    companies: 0,
    contactsWithin: 14,
    companiesWithin: 3,
  },
  {
    termId: 2,
    contacts: 12,
    companies: 3,
    contactsWithin: 12,
    companiesWithin: 3,
  },
];

describe('taxonomy editor', () => {
  const dom = setupDom();
  const renderScreen = screenUnderTest(
    dom,
    async () => (await import('./TaxonomyScreen.tsx')).TaxonomyScreen,
    {
      'GET /api/taxonomy': (call) =>
        ok({
          items:
            call.query.get('deleted') === 'only'
              ? [radio, jazz]
              : [culture, music, theatre, sport, press],
        }),
      'GET /api/taxonomy/usage': () => ok({ items: usage }),
    },
  );

  it('shows domains as a tree of sub-domains, and how many records use each term', async () => {
    const { view } = renderScreen();

    const domains = await view.findByRole('list', { name: 'Domaines' });
    const top = dom
      .within(domains)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement === domains);
    expect(top.map((item) => item.textContent)).to.have.length(2);
    expect(top[0]!.textContent).to.contain('Culture');
    expect(top[0]!.textContent).to.contain('en anglais : Culture');
    const subs = dom
      .within(domains)
      .getByRole('list', { name: 'Sous-domaines de Culture' });
    expect(
      dom
        .within(subs)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).to.have.length(2);
    expect(subs.textContent).to.contain('12 contacts · 3 sociétés');
    expect(top[0]!.textContent).to.contain(
      'avec ses sous-domaines : 14 contacts · 3 sociétés',
    );
    expect(top[1]!.textContent).to.contain('Aucune fiche ne l’utilise');
    const sectors = view.getByRole('list', { name: 'Secteurs' });
    expect(sectors.textContent).to.contain('Presse écrite');
    expect(view.getByText('Aucun terme pour l’instant')).to.exist;
  });

  it('adds a sub-domain last under its domain; a refusal shows by the label', async () => {
    const posted: unknown[] = [];
    const { view } = renderScreen({
      'POST /api/taxonomy': (call) => {
        posted.push(call.body);
        if (posted.length === 1)
          return fail(409, 'CONFLICT', 'Conflit avec une donnée existante.', [
            {
              path: 'label',
              message:
                'ce libellé existe déjà ici / this label already exists here',
            },
          ]);
        return {
          status: 201,
          body: term({ id: 20, label: 'Danse', parentId: 1 }),
        };
      },
    });

    const section = (await view.findByRole('heading', { name: 'Domaines' }))
      .parentElement!.parentElement!;
    const form = dom.within(section);
    dom.fireEvent.change(form.getAllByLabelText(/^Libellé\s*\*?$/)[0]!, {
      target: { value: 'Danse' },
    });
    dom.fireEvent.change(form.getAllByLabelText('Domaine parent')[0]!, {
      target: { value: '1' },
    });
    dom.fireEvent.click(form.getByRole('button', { name: 'Ajouter' }));

    expect(await view.findByText('ce libellé existe déjà ici')).to.exist;
    dom.fireEvent.click(form.getByRole('button', { name: 'Ajouter' }));
    expect(await view.findByText('« Danse » ajouté.')).to.exist;
    expect(posted[1]).to.deep.equal({
      kind: 'domain',
      label: 'Danse',
      labelEn: null,
      parentId: 1,
      position: 2,
    });
    await settle(dom);
  });

  it('moves a sub-domain under another domain, keeping its version', async () => {
    const sent: unknown[] = [];
    const { view } = renderScreen({
      'PUT /api/taxonomy/3': (call) => {
        sent.push(call.body);
        return ok({ ...theatre, parentId: 4, version: 2 });
      },
    });

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Modifier : Théâtre' }),
    );
    // The domain that has sub-domains cannot become one.
    const parents = view.getAllByLabelText('Domaine parent');
    const editing = parents[parents.length - 1] as HTMLSelectElement;
    expect(
      [...editing.options].map((option) => option.textContent),
    ).to.deep.equal(['Aucun : c’est un domaine', 'Culture', 'Sport']);
    dom.fireEvent.change(editing, { target: { value: '4' } });
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));

    expect(await view.findByText('« Théâtre » enregistré.')).to.exist;
    expect(sent).to.deep.equal([
      {
        label: 'Théâtre',
        labelEn: null,
        parentId: 4,
        position: 0,
        version: 1,
      },
    ]);
    await settle(dom);
  });

  it('keeps a domain with sub-domains a domain', async () => {
    const { view } = renderScreen();

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Modifier : Culture' }),
    );
    const parents = view.getAllByLabelText('Domaine parent');
    const editing = parents[parents.length - 1] as HTMLSelectElement;
    expect(editing.disabled).to.equal(true);
    expect(
      view.getByText('Ce domaine a des sous-domaines : il reste un domaine.'),
    ).to.exist;
  });

  it('moves a term down among its siblings from the keyboard, the focus following it', async () => {
    const orders: unknown[] = [];
    let live = [culture, music, theatre, sport, press];
    const { view } = renderScreen({
      'GET /api/taxonomy': (call) =>
        ok({ items: call.query.get('deleted') === 'only' ? [] : live }),
      'PUT /api/taxonomy/order': (call) => {
        orders.push(call.body);
        const moved = [
          { ...theatre, position: 0, version: 2 },
          { ...music, position: 1, version: 2 },
        ];
        live = [culture, ...moved, sport, press];
        return ok({ items: moved });
      },
    });

    const up = await view.findByRole('button', { name: 'Monter : Musique' });
    expect(up.getAttribute('aria-disabled')).to.equal('true');
    const down = view.getByRole('button', { name: 'Descendre : Musique' });
    down.focus();
    dom.fireEvent.click(down);

    expect(await view.findByText('Musique : position 2 sur 2.')).to.exist;
    expect(orders).to.deep.equal([
      { kind: 'domain', parentId: 1, ids: [3, 2] },
    ]);
    // Last now, it can only go up: the focus is on that button.
    await dom.waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).to.equal(
        'Monter : Musique',
      ),
    );
    const subs = view.getByRole('list', { name: 'Sous-domaines de Culture' });
    expect(subs.textContent?.indexOf('Théâtre')).to.be.below(
      subs.textContent!.indexOf('Musique'),
    );
  });

  it('says what a domain and its sub-domains touch before deleting it', async () => {
    let deleted = false;
    const { view } = renderScreen({
      'DELETE /api/taxonomy/1': () => {
        deleted = true;
        return { status: 204 };
      },
    });

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Supprimer : Culture' }),
    );
    const dialog = await view.findByRole('alertdialog');
    expect(dialog.textContent).to.contain(
      '14 contacts et 3 sociétés l’utilisent',
    );
    expect(dialog.textContent).to.contain(
      'Avec lui, 2 sous-domaines, comptés ici, sont supprimés',
    );
    dom.fireEvent.click(
      dom.within(dialog).getByRole('button', { name: 'Supprimer' }),
    );
    expect(
      await view.findByText(
        '« Culture » supprimé : il reste restaurable plus bas.',
      ),
    ).to.exist;
    expect(deleted).to.equal(true);
    await settle(dom);
  });

  it('restores a deleted term, and shows beside it why a sub-domain must wait', async () => {
    const { view } = renderScreen({
      'POST /api/taxonomy/9/restore': () => ok({ ...radio, deletedAt: null }),
      'POST /api/taxonomy/8/restore': () =>
        fail(
          409,
          'CONFLICT',
          'Restaurez d’abord le domaine de ce sous-domaine.',
        ),
    });

    const deleted = await view.findByRole('list', {
      name: 'Termes supprimés',
    });
    const rows = dom.within(deleted).getAllByRole('listitem');
    expect(rows[0]!.textContent).to.contain('Jazz');
    expect(rows[0]!.textContent).to.contain(
      'Sous-domaine de Sport · supprimé le 03/12/2026 11:00',
    );
    dom.fireEvent.click(view.getByRole('button', { name: 'Restaurer : Jazz' }));
    expect(
      await dom
        .within(rows[0]!)
        .findByText('Restaurez d’abord le domaine de ce sous-domaine.'),
    ).to.exist;
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Restaurer : Radio' }),
    );
    expect(await view.findByText('« Radio » restauré.')).to.exist;
    await settle(dom);
  });

  it('refuses an editor without asking the API', () =>
    expectEditorRefused(renderScreen));
});
