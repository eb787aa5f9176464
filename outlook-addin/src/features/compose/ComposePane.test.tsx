/// <reference types="mocha" />
import { expect } from 'chai';
import type { ComposeItem } from '../../office/mailbox.ts';
import { useDom } from '../../test/dom.ts';
import type { ComposeApi } from './composeApi.ts';

type Modules = {
  ComposePane: typeof import('./ComposePane.tsx').ComposePane;
  Providers: typeof import('../../test/render.tsx').Providers;
};

const template = {
  id: 3,
  name: 'Invitation au salon',
  description: 'Invitation personnelle',
  subject: 'Invitation au salon du livre',
  language: 'fr' as const,
  shared: true,
  owner: null,
  canEdit: false,
  fields: ['prenom'],
  version: 1,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
};
const sender = {
  id: 1,
  address: 'presse@relais.test',
  displayName: 'Service presse',
  replyTo: 'redaction@relais.test',
  isDefault: true,
};

/** A message being written, recording what the pane did to it. */
function composing(overrides: Partial<ComposeItem> = {}) {
  const done = { inserted: [] as string[], subject: '' };
  const item: ComposeItem = {
    mode: 'compose',
    recipients: async () => [
      { address: 'lea@quotidien.test', name: 'Léa Martin' },
      { address: 'marc@radio.test', name: null },
    ],
    subject: async () => done.subject,
    setSubject: async (subject) => {
      done.subject = subject;
    },
    insertHtml: async (html) => {
      done.inserted.push(html);
    },
    from: async () => ({ address: 'moi@relais.test', name: 'Moi' }),
    ...overrides,
  };

  return { item, done };
}

function api(rendered: string[] = []): ComposeApi & { asked: unknown[] } {
  const asked: unknown[] = [];

  return {
    asked,
    templates: async () => ({ items: [template] }),
    render: async (id, recipients) => {
      asked.push({ id, recipients });
      return {
        subject: template.subject,
        html: '<p>Bonjour Léa,</p>',
        text: 'Bonjour Léa,',
        recipients: recipients.map((r) => ({
          email: r.email,
          contactId: null,
        })),
        fallbacks: rendered,
      };
    },
    senders: async () => ({ items: [sender] }),
  };
}

describe('ComposePane', () => {
  const { dom } = useDom();
  let m: Modules;

  before(async () => {
    m = {
      ...(await import('./ComposePane.tsx')),
      ...(await import('../../test/render.tsx')),
    };
  });

  it('inserts the template rendered for every recipient and fills an empty subject', async () => {
    const { item, done } = composing();
    const fake = api(['prenom']);
    dom().render(
      <m.Providers>
        <m.ComposePane api={fake} item={item} />
      </m.Providers>,
    );
    const { findByRole, findByText, getByRole } = dom().within(document.body);

    await findByRole('option', { name: 'Invitation au salon' });
    dom().fireEvent.change(getByRole('combobox', { name: 'Modèle' }), {
      target: { value: '3' },
    });
    dom().fireEvent.click(getByRole('button', { name: 'Insérer le modèle' }));
    await findByText('Modèle inséré pour 2 destinataires.');
    await findByText('Valeurs de repli utilisées : prenom');
    expect(done.inserted).to.deep.equal(['<p>Bonjour Léa,</p>']);
    expect(done.subject).to.equal('Invitation au salon du livre');
    expect(fake.asked).to.deep.equal([
      {
        id: 3,
        recipients: [
          { email: 'lea@quotidien.test', name: 'Léa Martin' },
          { email: 'marc@radio.test', name: undefined },
        ],
      },
    ]);
  });

  it('says the sender cannot be set by an add-in and which address to choose', async () => {
    const { item } = composing();
    dom().render(
      <m.Providers>
        <m.ComposePane api={api()} item={item} />
      </m.Providers>,
    );
    const region = await dom().within(document.body).findByRole('region', {
      name: 'Adresse d’expéditeur',
    });

    await dom().findByText(
      region,
      'L’expéditeur actuel n’est pas une adresse qui vous est attribuée.',
    );
    expect(region.textContent).to.include(
      'choisissez presse@relais.test dans le champ « De » du message',
    );
    expect(region.textContent).to.include('Réponses à : redaction@relais.test');
  });

  it('degrades clearly where Outlook lacks the requirement sets', async () => {
    const { item } = composing({ insertHtml: null, from: null });
    dom().render(
      <m.Providers>
        <m.ComposePane api={api()} item={item} />
      </m.Providers>,
    );
    const { findByText, getByRole } = dom().within(document.body);

    await findByText(/ensemble Mailbox 1\.2 requis/);
    await findByText(/ensemble Mailbox 1\.7 requis/);
    expect(
      (getByRole('button', { name: 'Insérer le modèle' }) as HTMLButtonElement)
        .disabled,
    ).to.equal(true);
  });
});
