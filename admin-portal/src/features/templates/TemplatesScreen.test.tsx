/// <reference types="mocha" />
import { expect } from 'chai';
import type {
  EmailTemplateDto,
  MergeFieldDto,
  TemplatePreview,
  UserDto,
} from 'core-api/client';
import type { Route } from '../../routing/route.ts';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';

type Modules = {
  TemplatesScreen: typeof import('./TemplatesScreen.tsx').TemplatesScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const author = buildUser({
  id: 3,
  role: 'editor',
  displayName: 'Claire Rédac',
});
const colleague = buildUser({
  id: 9,
  role: 'editor',
  displayName: 'Paul Autre',
});

const fields: MergeFieldDto[] = [
  {
    tag: 'prenom',
    names: { fr: 'Prénom', en: 'First_name' },
    label: { fr: 'Prénom', en: 'First name' },
    example: { fr: 'Marie', en: 'Marie' },
    aliases: [],
  },
  {
    tag: 'societe',
    names: { fr: 'Société', en: 'Organisation' },
    label: { fr: 'Société / Organisme', en: 'Organisation' },
    example: { fr: 'La Dépêche du Midi', en: 'La Dépêche du Midi' },
    aliases: [],
  },
];

function buildTemplate(
  overrides: Partial<EmailTemplateDto> = {},
): EmailTemplateDto {
  return {
    id: 4,
    name: 'Invitation point presse',
    description: 'Conférence de décembre',
    subject: 'Invitation {{prenom}}',
    language: 'fr',
    shared: true,
    owner: { id: 3, displayName: 'Claire Rédac' },
    canEdit: true,
    fields: ['prenom'],
    version: 2,
    createdAt: '2026-12-01T09:00:00Z',
    updatedAt: '2026-12-03T09:00:00Z',
    html: '<p>Bonjour {{prenom}},</p>',
    text: null,
    createdBy: { id: 3, displayName: 'Claire Rédac' },
    updatedBy: { id: 3, displayName: 'Claire Rédac' },
    ...overrides,
  };
}

const preview: TemplatePreview = {
  subject: 'Invitation Marie',
  html: '<p>Bonjour Marie,</p>',
  text: 'Bonjour Marie,',
  fallbacks: ['societe'],
  removed: ['<script>'],
  contactId: null,
  document: 'v1.scellé.par.l-api',
};

describe('TemplatesScreen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./TemplatesScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      TemplatesScreen: screen.TemplatesScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderScreen(
    route: Extract<Route, { name: 'templates' | 'template' | 'templateNew' }>,
    routes: Record<string, FakeRoute> = {},
    user: UserDto = author,
  ) {
    const api = fakeApi({
      'GET /api/email-templates/fields': () => ok({ items: fields }),
      'GET /api/email-templates/4': () => ok(buildTemplate()),
      'POST /api/email-templates/preview': () => ok(preview),
      ...routes,
    });
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        <m.TemplatesScreen route={route} />
      </m.TestProviders>,
    );

    return { view, api };
  }

  it('lists the templates one may use, and filters them by name', async () => {
    const { view, api } = renderScreen(
      { name: 'templates' },
      {
        'GET /api/email-templates': (call) =>
          ok({
            items: call.query.get('q')
              ? []
              : [
                  buildTemplate(),
                  buildTemplate({
                    id: 5,
                    name: 'Relance',
                    shared: false,
                    language: 'en',
                    description: null,
                    fields: [],
                  }),
                ],
          }),
      },
    );

    const list = await view.findByRole('list', { name: 'Modèles' });
    const items = dom.within(list).getAllByRole('listitem');
    expect(
      dom.within(items[0]!).getByRole('link').getAttribute('href'),
    ).to.equal('#/templates/4');
    expect(items[0]!.textContent).to.contain('Partagé');
    expect(items[0]!.textContent).to.contain(
      'Par Claire Rédac · modifié le 03/12/2026 · 1 champ de fusion',
    );
    expect(items[1]!.textContent).to.contain('Personnel');
    expect(items[1]!.textContent).to.contain('Anglais');

    dom.fireEvent.change(
      view.getByLabelText('Rechercher un modèle par son nom'),
      { target: { value: 'zzz' } },
    );
    expect(await view.findByText('Aucun modèle')).to.exist;
    expect(api.calls.at(-1)?.query.get('q')).to.equal('zzz');
    dom.fireEvent.click(view.getByRole('button', { name: 'Nouveau modèle' }));
    expect(window.location.hash).to.equal('#/templates/new');
  });

  it('writes a new template: field inserted at the cursor, bold around the selection', async () => {
    const posted: unknown[] = [];
    const { view } = renderScreen(
      { name: 'templateNew' },
      {
        'POST /api/email-templates': (call) => {
          posted.push(call.body);
          return { status: 201, body: buildTemplate({ id: 7 }) };
        },
      },
    );

    dom.fireEvent.change(await view.findByLabelText(/^Nom/), {
      target: { value: 'Remerciement' },
    });
    const subject = view.getByLabelText(/^Objet/) as HTMLInputElement;
    dom.fireEvent.change(subject, { target: { value: 'Merci !' } });
    subject.focus();
    subject.setSelectionRange(6, 6);
    dom.fireEvent.focus(subject);
    dom.fireEvent.click(view.getByRole('button', { name: 'Insérer le champ' }));
    await dom.waitFor(() =>
      expect(subject.value).to.equal('Merci {{prenom}}!'),
    );

    const html = view.getByLabelText(
      /^Corps du message/,
    ) as HTMLTextAreaElement;
    dom.fireEvent.change(html, { target: { value: '<p>Un grand merci</p>' } });
    html.focus();
    html.setSelectionRange(6, 11);
    dom.fireEvent.click(view.getByRole('button', { name: 'Gras' }));
    await dom.waitFor(() =>
      expect(html.value).to.equal('<p>Un <strong>grand</strong> merci</p>'),
    );
    dom.fireEvent.click(view.getByRole('switch', { name: /Partager/ }));

    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));
    await dom.waitFor(() => expect(posted).to.have.length(1));
    expect(posted[0]).to.deep.equal({
      name: 'Remerciement',
      description: null,
      subject: 'Merci {{prenom}}!',
      html: '<p>Un <strong>grand</strong> merci</p>',
      text: null,
      language: 'fr',
      shared: true,
    });
    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/templates/7'),
    );
  });

  it('shows the preview in a sandboxed frame, what fell back and what was cleaned', async () => {
    // jsdom does not navigate: the forms posted are recorded instead.
    const posted: HTMLFormElement[] = [];
    const submit = window.HTMLFormElement.prototype.submit;
    window.HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
      posted.push(this);
    };
    const { view, api } = renderScreen({ name: 'template', id: 4 });

    const frame = await view
      .findByTitle('Aperçu du message')
      .finally(() => (window.HTMLFormElement.prototype.submit = submit));
    expect(frame.getAttribute('sandbox')).to.equal('');
    // Not written from the portal, whose policy the page would inherit: the
    // API serves it, the sealed preview posted into the frame by name.
    expect(frame.hasAttribute('srcdoc')).to.equal(false);
    expect(posted).to.have.length(1);
    const form = posted[0] as HTMLFormElement;
    expect(form.method).to.equal('post');
    expect(new URL(form.action).pathname).to.equal(
      '/api/email-templates/preview-document',
    );
    expect(form.target).to.equal(frame.getAttribute('name'));
    const sealed = form.elements.namedItem('document') as HTMLInputElement;
    expect(sealed.value).to.equal(preview.document);
    expect(view.getByText('Objet : Invitation Marie')).to.exist;
    expect(view.getByText('Remplacés faute de valeur : {{societe}}.')).to.exist;
    expect(view.getByText('Retiré au nettoyage du HTML : <script>.')).to.exist;
    const asked = api.calls.find(
      (call) => call.path === '/api/email-templates/preview',
    );
    expect(asked?.body).to.deep.equal({
      subject: 'Invitation {{prenom}}',
      html: '<p>Bonjour {{prenom}},</p>',
      text: null,
      language: 'fr',
      contactId: null,
    });
  });

  it('shows the API’s refusal beside the field it names', async () => {
    const { view } = renderScreen(
      { name: 'template', id: 4 },
      {
        'PUT /api/email-templates/4': () =>
          fail(400, 'VALIDATION_FAILED', 'Champ de fusion inconnu : {{age}}.', [
            {
              path: 'html',
              message:
                'champ de fusion inconnu « age » / unknown merge field "age"',
            },
          ]),
      },
    );

    const html = (await view.findByLabelText(
      /^Corps du message/,
    )) as HTMLTextAreaElement;
    dom.fireEvent.change(html, { target: { value: '<p>{{age}}</p>' } });
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));
    expect(await view.findByText('champ de fusion inconnu « age »')).to.exist;
    expect(
      view.getAllByRole('alert').map((alert) => alert.textContent),
    ).to.include('Champ de fusion inconnu : {{age}}.');
  });

  it('offers a reload when someone saved the template meanwhile', async () => {
    let reads = 0;
    const { view } = renderScreen(
      { name: 'template', id: 4 },
      {
        'GET /api/email-templates/4': () => {
          reads += 1;
          return ok(buildTemplate({ version: 1 + reads }));
        },
        'PUT /api/email-templates/4': () =>
          fail(409, 'VERSION_CONFLICT', 'Modifiée entre-temps.'),
      },
    );

    dom.fireEvent.change(await view.findByLabelText(/^Objet/), {
      target: { value: 'Autre objet' },
    });
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));
    dom.fireEvent.click(await view.findByRole('button', { name: 'Recharger' }));
    await dom.waitFor(() => expect(reads).to.equal(2));
    await dom.waitFor(() =>
      expect(
        (view.getByLabelText(/^Objet/) as HTMLInputElement).value,
      ).to.equal('Invitation {{prenom}}'),
    );
  });

  it('lets a colleague read a shared template without changing it', async () => {
    const { view } = renderScreen(
      { name: 'template', id: 4 },
      {
        'GET /api/email-templates/4': () =>
          ok(buildTemplate({ canEdit: false })),
      },
      colleague,
    );

    expect(
      await view.findByText(
        'Modèle partagé par Claire Rédac : vous pouvez l’employer, pas le modifier.',
      ),
    ).to.exist;
    expect(view.queryByRole('button', { name: 'Enregistrer' })).to.equal(null);
    expect(
      view
        .getByRole('button', { name: 'Insérer le champ' })
        .hasAttribute('disabled'),
    ).to.equal(true);
  });

  it('deletes the template once confirmed', async () => {
    const deleted: string[] = [];
    const { view } = renderScreen(
      { name: 'template', id: 4 },
      {
        'DELETE /api/email-templates/4': (call) => {
          deleted.push(call.path);
          return { status: 204 };
        },
      },
    );

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Supprimer le modèle' }),
    );
    const dialog = await view.findByRole('alertdialog');
    expect(dialog.textContent).to.contain(
      'Supprimer le modèle « Invitation point presse » ?',
    );
    dom.fireEvent.click(
      dom.within(dialog).getByRole('button', { name: 'Supprimer' }),
    );
    await dom.waitFor(() => expect(deleted).to.have.length(1));
    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/templates'),
    );
  });
});
