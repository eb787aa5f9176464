/// <reference types="mocha" />
import { expect } from 'chai';
import type {
  DeletedCompanyDto,
  DeletedContactDto,
  RestorationReportDto,
} from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';
import {
  loadScreenKit,
  renderWithApi,
  type ScreenKit,
} from '../../test/screenKit.tsx';

type Screen = typeof import('./DeletedRecordsScreen.tsx').DeletedRecordsScreen;

const contact = (
  id: number,
  firstName: string,
  lastName: string,
  extra: Partial<DeletedContactDto> = {},
): DeletedContactDto => ({
  id,
  displayName: `${firstName} ${lastName}`,
  civility: null,
  firstName,
  lastName,
  contactType: 'press',
  primaryEmail: null,
  primaryPhone: null,
  company: 'La Dépêche',
  function: 'Rédactrice',
  city: 'Toulouse',
  updatedAt: '2026-12-01T09:00:00.000Z',
  // Winter: Paris is UTC+1.
  deletedAt: '2026-12-04T16:05:00.000Z',
  deletedBy: 'Eddie Editor',
  mergedIntoId: null,
  ...extra,
});

type Result = RestorationReportDto['results'][number];

const back = (id: number, name: string): Result => ({
  id,
  name,
  restored: true,
  reason: null,
  reasonEn: null,
});

/** A refusal; the English reason is the French one marked, to tell them apart. */
const refused = (id: number, name: string, reason: string): Result => ({
  id,
  name,
  restored: false,
  reason,
  reasonEn: `(en) ${reason}`,
});

const reportOf = (...results: Result[]) =>
  ok({
    restored: results.filter((result) => result.restored).length,
    results,
  } satisfies RestorationReportDto);

/** Where the link named `name` leads. */
const hrefOf = (view: ReturnType<typeof renderWithApi>['view'], name: string) =>
  view.getByRole('link', { name }).getAttribute('href');

const page = <T,>(items: T[], total = items.length) => ({
  items,
  total,
  page: 1,
  pageSize: 25,
});

describe('DeletedRecordsScreen', () => {
  const dom = setupDom();
  let kit: ScreenKit;
  let DeletedRecordsScreen: Screen;

  before(async () => {
    kit = await loadScreenKit();
    ({ DeletedRecordsScreen } = await import('./DeletedRecordsScreen.tsx'));
  });

  function renderScreen(
    routes: Record<string, FakeRoute>,
    options: {
      entity?: 'contact' | 'company';
      role?: 'admin' | 'editor';
      locale?: 'fr' | 'en';
    } = {},
  ) {
    return renderWithApi(
      dom,
      kit,
      <DeletedRecordsScreen entity={options.entity ?? 'contact'} />,
      routes,
      buildUser({ role: options.role ?? 'admin' }),
      options.locale,
    );
  }

  it('shows each deleted contact with when, in Paris time, and by whom', async () => {
    const { view } = renderScreen({
      'GET /api/contacts/deleted': () =>
        ok(
          page([
            contact(7, 'Marie', 'Zéphyrin'),
            contact(8, 'Anne', 'Quillet', { deletedBy: null }),
          ]),
        ),
    });
    const list = await view.findByRole('list', { name: 'Contacts supprimés' });
    const cards = dom.within(list).getAllByRole('listitem');
    expect(cards).to.have.length(2);
    expect(cards[0]?.textContent).to.include(
      'Supprimé le 04/12/2026 17:05 par Eddie Editor',
    );
    expect(cards[0]?.textContent).to.include(
      'La Dépêche · Rédactrice · Toulouse',
    );
    expect(cards[1]?.textContent).to.include('Supprimé le 04/12/2026 17:05');
    expect(cards[1]?.textContent).not.to.include(' par ');
    expect(view.getByText('2 fiches supprimées')).to.exist;
    expect(hrefOf(view, 'Voir la fiche d’Anne Quillet')).to.equal(
      '#/contacts/8',
    );
    expect(hrefOf(view, 'Tous les contacts')).to.equal('#/contacts');
  });

  it('searches by name, then restores a selection and reports each record', async () => {
    let restored = false;
    const { view, api } = renderScreen({
      'GET /api/contacts/deleted': (call) =>
        ok(
          restored
            ? page([contact(9, 'Paul', 'Zéphyrin')])
            : call.query.get('name') === 'zeph'
              ? page([
                  contact(7, 'Marie', 'Zéphyrin'),
                  contact(9, 'Paul', 'Zéphyrin'),
                ])
              : page([
                  contact(7, 'Marie', 'Zéphyrin'),
                  contact(8, 'Anne', 'Quillet'),
                  contact(9, 'Paul', 'Zéphyrin'),
                ]),
        ),
      'POST /api/contacts/restorations': () => {
        restored = true;
        return reportOf(
          back(7, 'Marie Zéphyrin'),
          refused(9, 'Paul Zéphyrin', 'Ce contact n’est pas supprimé.'),
        );
      },
    });
    await view.findByText('Anne Quillet');
    dom.fireEvent.change(
      view.getByRole('searchbox', { name: 'Rechercher par nom' }),
      { target: { value: 'zeph' } },
    );
    await dom.waitFor(() =>
      expect(view.queryByText('Anne Quillet')).to.equal(null),
    );
    expect(
      api.calls.filter((call) => call.query.get('name') === 'zeph'),
    ).to.have.length(1);

    dom.fireEvent.click(
      view.getByRole('checkbox', { name: 'Tout sélectionner sur cette page' }),
    );
    const restore = view.getByRole('button', {
      name: 'Restaurer la sélection (2)',
    });
    dom.fireEvent.click(restore);
    const status = await view.findByText('1 fiche restaurée.');
    const sent = api.calls.find(
      (call) => call.path === '/api/contacts/restorations',
    );
    expect(sent?.body).to.deep.equal({ ids: [7, 9] });
    expect(hrefOf(view, 'Ouvrir Marie Zéphyrin')).to.equal('#/contacts/7');
    expect(view.getByText('1 fiche n’a pas pu être restaurée :')).to.exist;
    expect(view.getByText('Paul Zéphyrin : Ce contact n’est pas supprimé.')).to
      .exist;
    expect(document.activeElement?.contains(status)).to.equal(true);
    // The list read again: only what is still deleted, nothing ticked.
    await dom.waitFor(() =>
      expect(view.queryByRole('checkbox', { name: 'Marie Zéphyrin' })).to.equal(
        null,
      ),
    );
    expect(
      view.queryByRole('button', { name: /Restaurer la sélection/ }),
    ).to.equal(null);
  });

  it('restores one card with its own button', async () => {
    const { view, api } = renderScreen({
      'GET /api/contacts/deleted': () =>
        ok(page([contact(7, 'Marie', 'Zéphyrin')])),
      'POST /api/contacts/restorations': () =>
        reportOf(back(7, 'Marie Zéphyrin')),
    });
    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Restaurer Marie Zéphyrin' }),
    );
    await view.findByText('1 fiche restaurée.');
    expect(
      api.calls.find((call) => call.path === '/api/contacts/restorations')
        ?.body,
    ).to.deep.equal({ ids: [7] });
  });

  it('leaves a merged contact to the undo of its merge', async () => {
    const { view } = renderScreen({
      'GET /api/contacts/deleted': () =>
        ok(page([contact(5, 'Jean', 'Quillet', { mergedIntoId: 12 })])),
    });
    const box = await view.findByRole('checkbox', { name: 'Jean Quillet' });
    expect((box as HTMLInputElement).disabled).to.equal(true);
    expect(
      view.queryByRole('button', { name: 'Restaurer Jean Quillet' }),
    ).to.equal(null);
    expect(
      view.getByText(
        'Fusionné dans un autre contact : annulez la fusion pour le retrouver.',
      ),
    ).to.exist;
    expect(hrefOf(view, 'Voir le contact n° 12')).to.equal('#/contacts/12');
  });

  it('says what to do when nothing is deleted, and when a search finds nothing', async () => {
    const { view } = renderScreen(
      {
        'GET /api/companies/deleted': () => ok(page([] as DeletedCompanyDto[])),
      },
      { entity: 'company' },
    );
    expect(await view.findByText('Aucune société supprimée')).to.exist;
    expect(
      view.getByText(/Une société supprimée depuis sa fiche apparaîtra ici/),
    ).to.exist;
    dom.fireEvent.change(
      view.getByRole('searchbox', { name: 'Rechercher par nom' }),
      { target: { value: 'monde' } },
    );
    expect(
      await view.findByText('Aucune fiche supprimée ne correspond à « monde »'),
    ).to.exist;
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Vider la recherche' }),
    );
    expect(await view.findByText('Aucune société supprimée')).to.exist;
  });

  it('speaks English, reasons included', async () => {
    const { view } = renderScreen(
      {
        'GET /api/companies/deleted': () =>
          ok(
            page([
              {
                id: 3,
                name: 'Sud Ouest',
                companyType: 'Quotidien',
                city: 'Bordeaux',
                contactCount: 4,
                updatedAt: '2026-12-01T09:00:00.000Z',
                deletedAt: '2026-07-14T08:30:00.000Z',
                deletedBy: 'Alice Admin',
              },
            ]),
          ),
        'POST /api/companies/restorations': () =>
          reportOf(
            refused(3, 'Sud Ouest', 'Cette société n’est pas supprimée.'),
          ),
      },
      { entity: 'company', locale: 'en' },
    );
    expect(await view.findByRole('heading', { name: 'Deleted companies' })).to
      .exist;
    // Summer: Paris is UTC+2.
    expect(await view.findByText('Deleted on 14/07/2026 10:30 by Alice Admin'))
      .to.exist;
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Restore Sud Ouest' }),
    );
    expect(
      await view.findByText(
        'Sud Ouest: (en) Cette société n’est pas supprimée.',
      ),
    ).to.exist;
  });

  it('tells an editor that only administrators see deleted records', async () => {
    const { view, api } = renderScreen({}, { role: 'editor' });
    expect(
      view.getByText(
        'Les fiches supprimées ne sont visibles que des administrateurs, seuls à pouvoir les restaurer.',
      ),
    ).to.exist;
    expect(view.queryByRole('searchbox')).to.equal(null);
    expect(api.calls).to.deep.equal([]);
  });
});
