/// <reference types="mocha" />
import { expect } from 'chai';
import type { ContactDto, ContactUpdate } from 'core-api/client';
import {
  auditPage,
  buildAuditEvent,
  buildLiveContact,
  contactCardRoutes,
  describedText,
  refusedFields,
  sessionOf,
  staleVersion,
} from '../../test/cardFixtures.ts';
import { setupDom } from '../../test/dom.ts';
import { fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import type { Locale } from '../../i18n/messages.ts';

type Modules = {
  ContactCard: typeof import('./ContactCard.tsx').ContactCard;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

describe('ContactCard editing', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [card, providers, api] = await Promise.all([
      import('./ContactCard.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      ContactCard: card.ContactCard,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderCard(
    routes: Record<string, FakeRoute>,
    options: {
      contact?: ContactDto;
      role?: 'admin' | 'editor';
      locale?: Locale;
    } = {},
  ) {
    const api = fakeApi({ ...contactCardRoutes(), ...routes });
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={sessionOf(options.role ?? 'editor')}
        locale={options.locale}
      >
        <m.ContactCard contact={options.contact ?? buildLiveContact()} />
      </m.TestProviders>,
    );
    const section = (name: string) => view.getByRole('region', { name });
    const shown = (sectionName: string, label: string) =>
      dom.within(section(sectionName)).getByText(label, { selector: 'dt' })
        .nextElementSibling?.textContent;
    const type = (label: string, value: string, index = 0) =>
      dom.fireEvent.change(view.getAllByLabelText(label)[index] as Element, {
        target: { value },
      });
    const puts = () =>
      api.calls
        .filter((call) => call.method === 'PUT')
        .map((call) => call.body as ContactUpdate);

    return { view, api, section, shown, type, puts };
  }

  it('edits a section and saves it with Ctrl+S, sending the version read', async () => {
    const { view, api, shown, type, puts } = renderCard({
      'PUT /api/contacts/42': (call) =>
        ok(
          buildLiveContact({
            firstName: (call.body as ContactUpdate).firstName ?? null,
            displayName: 'Docteure Camila Durand-Lefèvre',
            version: 8,
          }),
        ),
    });

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Modifier : Identité' }),
    );
    const firstName = view.getByLabelText('Prénom');
    expect(document.activeElement).to.equal(view.getByLabelText('Civilité'));
    type('Prénom', 'Camila');
    dom.fireEvent.keyDown(firstName, { key: 's', ctrlKey: true });

    await dom.waitFor(() =>
      expect(shown('Identité', 'Prénom')).to.equal('Camila'),
    );
    const [sent] = puts();
    expect(sent).to.deep.include({
      version: 7,
      firstName: 'Camila',
      lastName: 'Durand-Lefèvre',
      birthDate: '1975-07-14',
      civility: 'MME',
      contactType: 'press',
      preferredChannel: 'sms',
      intermediaryId: 88,
      intermediaryRole: 'Attaché de presse',
      doNotContact: true,
      termIds: [10, 11, 20, 30],
    });
    // What the person did not touch goes back as it was typed.
    expect(sent?.phones?.map((p) => p.number)).to.deep.equal([
      '06.12.34.56.78',
      '01 40 00 00 00',
      'standard poste 12',
    ]);
    expect(sent?.affiliations?.[1]).to.deep.include({
      companyId: 6,
      startDate: '2012-01-15',
      endDate: '2018-06-30',
    });
    expect(view.getByRole('heading', { level: 1 }).textContent).to.equal(
      'Docteure Camila Durand-Lefèvre',
    );
    expect(document.activeElement).to.equal(
      view.getByRole('button', { name: 'Modifier : Identité' }),
    );
    expect(view.getByText('Modifications enregistrées.')).to.exist;
    // The audit trail is read again once the contact is saved.
    await dom.waitFor(() =>
      expect(
        api.calls.filter((c) => c.path === '/api/contacts/42/audit'),
      ).to.have.length(2),
    );
  });

  it('drops the changes with Escape and sends nothing', () => {
    const { view, shown, type, puts } = renderCard({});

    dom.fireEvent.click(view.getByRole('button', { name: 'Modifier : Notes' }));
    const notes = view.getByRole('textbox', { name: 'Notes' });
    dom.fireEvent.change(notes, { target: { value: 'Tout autre chose' } });
    dom.fireEvent.keyDown(notes, { key: 'Escape' });

    expect(view.queryByRole('form', { name: 'Modification : Notes' })).to.equal(
      null,
    );
    expect(view.getByRole('region', { name: 'Notes' }).textContent).to.contain(
      'Préfère être appelée le matin.',
    );
    expect(shown('Identité', 'Prénom')).to.equal('Camille');
    expect(puts()).to.deep.equal([]);
  });

  for (const [locale, expected, other] of [
    ['fr', 'adresse e-mail invalide', 'invalid email address'],
    ['en', 'invalid email address', 'adresse e-mail invalide'],
  ] as const) {
    it(`shows the API's field errors beside their fields, in ${locale}`, async () => {
      const { view, type } = renderCard(
        {
          'PUT /api/contacts/42': () =>
            refusedFields([
              {
                path: 'emails.0.address',
                message: 'adresse e-mail invalide / invalid email address',
              },
            ]),
        },
        { locale },
      );
      const [edit, email, save, emails] =
        locale === 'fr'
          ? ['Modifier : Coordonnées', 'E-mail', 'Enregistrer', 'E-mails']
          : ['Edit: Contact details', 'Email', 'Save', 'Emails'];

      dom.fireEvent.click(view.getByRole('button', { name: edit }));
      type(email, 'pas-une-adresse', 0);
      dom.fireEvent.click(view.getByRole('button', { name: save }));

      const summary = locale === 'fr' ? 'ligne 1' : 'line 1';
      const alert = (await view.findAllByRole('alert')).find((a) =>
        a.textContent?.includes(summary),
      ) as HTMLElement;
      const [first, second] = view.getAllByLabelText(email) as HTMLElement[];
      expect(first?.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(first as HTMLElement)).to.contain(expected);
      expect(describedText(first as HTMLElement)).not.to.contain(other);
      expect(second?.getAttribute('aria-invalid')).not.to.equal('true');
      expect(alert.textContent).to.contain(
        locale === 'fr'
          ? `${emails}, ligne 1 : ${expected}`
          : `${emails}, line 1: ${expected}`,
      );
      // The form stays open with what was typed.
      expect((first as HTMLInputElement).value).to.equal('pas-une-adresse');
    });
  }

  it('refuses a date not written dd/mm/yyyy or impossible; shows the API’s other refusals', async () => {
    const { view, type, puts } = renderCard({
      'PUT /api/contacts/42': () =>
        refusedFields([
          {
            path: 'birthDate',
            message:
              'date de naissance dans le futur / birth date in the future',
          },
        ]),
    });

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Modifier : Identité' }),
    );
    type('Date de naissance', '1975-07-14');
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));
    const birth = view.getByLabelText('Date de naissance');
    await dom.waitFor(() =>
      expect(describedText(birth)).to.contain(
        'Date attendue au format jj/mm/aaaa ou jj/mm.',
      ),
    );
    expect(puts()).to.deep.equal([]);

    type('Date de naissance', '31/02/1975');
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));
    await dom.waitFor(() =>
      expect(
        describedText(view.getByLabelText('Date de naissance')),
      ).to.contain('Date impossible : 31/02/1975.'),
    );
    expect(puts()).to.deep.equal([]);

    type('Date de naissance', '14/07/2099');
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));
    await dom.waitFor(() =>
      expect(
        describedText(view.getByLabelText('Date de naissance')),
      ).to.contain('date de naissance dans le futur'),
    );
    expect(
      describedText(view.getByLabelText('Date de naissance')),
    ).to.not.contain('birth date in the future');
    expect(puts().map((body) => body.birthDate)).to.deep.equal(['2099-07-14']);
  });

  it('shows a colleague’s save instead of overwriting it, then carries over', async () => {
    const fresh = buildLiveContact({ title: 'Professeure', version: 8 });
    let answers = 0;
    const { view, section, type, puts } = renderCard({
      'PUT /api/contacts/42': (call) => {
        answers += 1;
        if (answers === 1) return staleVersion(8);
        const body = call.body as ContactUpdate;

        return ok(
          buildLiveContact({
            title: body.title ?? null,
            firstName: body.firstName ?? null,
            version: 9,
          }),
        );
      },
      'GET /api/contacts/42': () => ok(fresh),
      'GET /api/contacts/42/audit': () =>
        auditPage([
          buildAuditEvent({
            id: 5,
            after: { ...fresh },
            before: { ...buildLiveContact() },
          }),
        ]),
    });

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Modifier : Identité' }),
    );
    type('Prénom', 'Camila');
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));

    const alert = await view.findByRole('alert');
    const text = alert.textContent ?? '';
    expect(text).to.contain('Fiche modifiée entre-temps');
    expect(text).to.contain(
      'Paul Martin a enregistré cette fiche le 01/12/2026 10:00',
    );
    const lines = dom
      .within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).to.deep.equal([
      'Titre : sa version « Professeure », votre saisie « Docteure »',
      'Prénom : sa version « Camille », votre saisie « Camila »',
    ]);
    expect(
      view
        .getByRole('button', { name: 'Enregistrer' })
        .hasAttribute('disabled'),
    ).to.equal(true);
    expect(puts()).to.have.length(1);

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Reporter ma saisie sur sa version' }),
    );
    expect(section('Identité').textContent).to.contain(
      'Votre saisie est reportée sur la version enregistrée par votre collègue',
    );
    expect((view.getByLabelText('Titre') as HTMLInputElement).value).to.equal(
      'Professeure',
    );
    expect((view.getByLabelText('Prénom') as HTMLInputElement).value).to.equal(
      'Camila',
    );
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));

    await dom.waitFor(() => expect(puts()).to.have.length(2));
    expect(puts()[1]).to.deep.include({
      version: 8,
      title: 'Professeure',
      firstName: 'Camila',
    });
  });

  it('keeps the colleague’s version when the person drops their entry', async () => {
    const fresh = buildLiveContact({ title: 'Professeure', version: 8 });
    const { view, shown, type } = renderCard({
      'PUT /api/contacts/42': () => staleVersion(8),
      'GET /api/contacts/42': () => ok(fresh),
    });

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Modifier : Identité' }),
    );
    type('Prénom', 'Camila');
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));
    await view.findByRole('alert');
    expect((await view.findByRole('alert')).textContent).to.contain(
      'Quelqu’un a enregistré cette fiche entre-temps.',
    );
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Abandonner ma saisie' }),
    );

    expect(shown('Identité', 'Titre')).to.equal('Professeure');
    expect(shown('Identité', 'Prénom')).to.equal('Camille');
  });

  it('deletes after confirmation; an administrator restores from the banner', async () => {
    const deleted = buildLiveContact({ deletedAt: '2026-12-02T10:00:00Z' });
    const { view, api } = renderCard(
      {
        'DELETE /api/contacts/42': () => ({ status: 204 }),
        'GET /api/contacts/42': () => ok(deleted),
        'POST /api/contacts/42/restore': () =>
          ok(buildLiveContact({ version: 8 })),
      },
      { role: 'admin' },
    );

    dom.fireEvent.click(
      view.getByRole('button', {
        name: 'Supprimer la fiche de Docteure Camille Durand-Lefèvre',
      }),
    );
    const dialog = await view.findByRole('alertdialog');
    expect(dialog.textContent).to.contain(
      'un administrateur peut le restaurer',
    );
    dom.fireEvent.click(
      dom.within(dialog).getByRole('button', { name: 'Supprimer' }),
    );

    const restore = await view.findByRole('button', { name: 'Restaurer' });
    expect(view.getByRole('article').textContent).to.contain(
      'Fiche supprimée le 02/12/2026 11:00.',
    );
    expect(
      view.queryByRole('button', { name: 'Modifier : Identité' }),
    ).to.equal(null);
    // The deleted state only: no form left to write its history with.
    expect(
      view.queryByRole('form', { name: 'Ajouter une interaction' }),
    ).to.equal(null);
    dom.fireEvent.click(restore);

    await view.findByRole('button', { name: 'Modifier : Identité' });
    expect(view.getByRole('form', { name: 'Ajouter une interaction' })).to
      .exist;
    expect(view.queryByRole('button', { name: 'Restaurer' })).to.equal(null);
    expect(
      api.calls.map((call) => `${call.method} ${call.path}`),
    ).to.include.members([
      'DELETE /api/contacts/42',
      'POST /api/contacts/42/restore',
    ]);
  });

  it('tells an editor who deleted a contact that an administrator can restore it', async () => {
    const { view, api } = renderCard({
      'DELETE /api/contacts/42': () => ({ status: 204 }),
    });

    dom.fireEvent.click(
      view.getByRole('button', {
        name: 'Supprimer la fiche de Docteure Camille Durand-Lefèvre',
      }),
    );
    const dialog = await view.findByRole('alertdialog');
    dom.fireEvent.click(
      dom.within(dialog).getByRole('button', { name: 'Supprimer' }),
    );

    expect(view.getByRole('form', { name: 'Ajouter une interaction' })).to
      .exist;
    await dom.waitFor(() =>
      expect(view.getByRole('article').textContent).to.contain(
        'Un administrateur peut la restaurer.',
      ),
    );
    expect(
      view.queryByRole('form', { name: 'Ajouter une interaction' }),
    ).to.equal(null);
    expect(view.queryByRole('button', { name: 'Restaurer' })).to.equal(null);
    expect(
      api.calls.some(
        (c) => c.method === 'GET' && c.path === '/api/contacts/42',
      ),
    ).to.equal(false);
  });

  it('reads the audit trail as who, when and each field’s old and new value', async () => {
    const before = buildLiveContact({ firstName: 'Camile', version: 6 });
    const after = buildLiveContact();
    const { view } = renderCard({
      'GET /api/contacts/42/audit': () =>
        auditPage([
          buildAuditEvent({ id: 2, before, after }),
          buildAuditEvent({
            id: 1,
            action: 'create',
            actorLabel: 'Import',
            occurredAt: '2026-03-02T08:15:00Z',
            after: before,
          }),
        ]),
      'GET /api/contacts/42/lists': () =>
        ok({
          items: [{ id: 3, name: 'Vœux 2027', ownerName: 'Claire Admin' }],
        }),
    });

    const trail = view.getByRole('region', {
      name: 'Journal des modifications',
    });
    await dom.waitFor(() =>
      expect(dom.within(trail).getAllByRole('listitem')).to.have.length(3),
    );
    expect(
      dom
        .within(trail)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).to.deep.equal([
      '01/12/2026 10:00 · Paul Martin · modificationPrénom : Camile → Camille',
      'Prénom : Camile → Camille',
      '02/03/2026 09:15 · Import · création',
    ]);
    const lists = view.getByRole('region', { name: 'Listes' });
    await dom.waitFor(() =>
      expect(
        dom
          .within(lists)
          .getByRole('link', { name: 'Vœux 2027' })
          .getAttribute('href'),
      ).to.equal('#/lists/3'),
    );
    expect(lists.textContent).to.contain('de Claire Admin');
  });

  it('offers to call and write to the primary number and address', () => {
    const { view } = renderCard({});

    expect(
      view
        .getByRole('link', { name: 'Appeler le 06 12 34 56 78' })
        .getAttribute('href'),
    ).to.equal('tel:+33612345678');
    expect(
      view
        .getByRole('link', { name: 'Écrire à camille.durand@quotidien.test' })
        .getAttribute('href'),
    ).to.equal('mailto:camille.durand@quotidien.test');
  });
});
