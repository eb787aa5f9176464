import { expect } from 'chai';
import {
  columnKeys,
  createRelaisClient,
  RelaisApiError,
  type RelaisClient,
} from './index.ts';

type Sent = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
};

/** A client whose `fetch` records each request and answers `answer`. */
function clientAnswering(
  answer: () => Response = () => Response.json({ ok: true }),
): { client: RelaisClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const client = createRelaisClient({
    baseUrl: 'http://127.0.0.1:3000/',
    getToken: () => 'jeton',
    locale: () => 'en',
    fetch: async (input, init = {}) => {
      sent.push({
        method: init.method ?? 'GET',
        url: String(input),
        headers: { ...(init.headers as Record<string, string>) },
        body: init.body,
      });

      return answer();
    },
  });

  return { client, sent };
}

describe('typed client', () => {
  it('sends a file to stage as raw bytes, its options in the query', async () => {
    const { client, sent } = clientAnswering();
    const file = new Blob(['Nom;Prénom\n']);

    await client.imports.stage({ file, fileName: 'presse.csv', profileId: 4 });

    expect(sent[0]?.method).to.equal('POST');
    expect(sent[0]?.url).to.equal(
      'http://127.0.0.1:3000/api/imports?fileName=presse.csv&profileId=4',
    );
    expect(sent[0]?.headers['content-type']).to.equal(
      'application/octet-stream',
    );
    expect(sent[0]?.headers.authorization).to.equal('Bearer jeton');
    expect(sent[0]?.body).to.equal(file);
  });

  it('asks for a forced undo only when told to', async () => {
    const { client, sent } = clientAnswering();

    await client.merges.undo(7);
    await client.imports.undo(5, true);

    expect(sent.map((request) => request.url)).to.deep.equal([
      'http://127.0.0.1:3000/api/merges/7/undo',
      'http://127.0.0.1:3000/api/imports/5/undo?force=true',
    ]);
  });

  it('saves the merge rules with the version read, as JSON', async () => {
    const { client, sent } = clientAnswering();

    await client.mergeRules.save({ autoMergeOnImport: false }, 3);

    expect(sent[0]?.method).to.equal('PUT');
    expect(sent[0]?.url).to.equal('http://127.0.0.1:3000/api/merge-rules');
    expect(JSON.parse(String(sent[0]?.body))).to.deep.equal({
      rules: { autoMergeOnImport: false },
      version: 3,
    });
  });

  it('reaches each feed route at its path', async () => {
    const { client, sent } = clientAnswering();

    await client.feeds.runs(4, { page: 2, pageSize: 10 });
    await client.feeds.run(4);
    await client.feeds.alerts();
    await client.feeds.allowedHosts.remove(2);
    await client.duplicates.get(9);
    await client.imports.calibration(5);

    expect(
      sent.map((request) => `${request.method} ${request.url}`),
    ).to.deep.equal([
      'GET http://127.0.0.1:3000/api/feeds/4/runs?page=2&pageSize=10',
      'POST http://127.0.0.1:3000/api/feeds/4/run',
      'GET http://127.0.0.1:3000/api/feeds/alerts',
      'DELETE http://127.0.0.1:3000/api/feeds/allowed-hosts/2',
      'GET http://127.0.0.1:3000/api/duplicates/9',
      'GET http://127.0.0.1:3000/api/imports/5/calibration',
    ]);
  });

  it('turns a refusal into an error naming its code and fields', async () => {
    const { client, sent } = clientAnswering(() =>
      Response.json(
        {
          error: {
            code: 'VERSION_CONFLICT',
            message: 'Someone saved first.',
            fields: [{ path: 'version', message: 'current version: 4' }],
            requestId: 'r1',
          },
        },
        { status: 409 },
      ),
    );

    const error = await client.feeds
      .update(4, {
        name: 'Presse',
        kind: 'url',
        url: 'https://annuaire.example.org/elus.csv',
        schedule: { kind: 'every', minutes: 60 },
        version: 3,
      })
      .catch((caught: unknown) => caught);

    expect(error).to.be.instanceOf(RelaisApiError);
    expect((error as RelaisApiError).code).to.equal('VERSION_CONFLICT');
    expect((error as RelaisApiError).fieldMessage('version')).to.equal(
      'current version: 4',
    );
    expect(sent[0]?.headers['accept-language']).to.equal('en');
  });

  it('gives a field message written in both languages in the reader’s', () => {
    const error = new RelaisApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Données invalides.',
        requestId: 'req-1',
        fields: [
          {
            path: 'newPassword',
            message:
              'doit différer de l’actuel / must differ from the current one',
          },
          { path: 'email', message: 'champ obligatoire' },
        ],
      },
    });

    expect(error.fieldMessage('newPassword', 'fr')).to.equal(
      'doit différer de l’actuel',
    );
    expect(error.fieldMessage('newPassword', 'en')).to.equal(
      'must differ from the current one',
    );
    expect(error.fieldMessage('email', 'en')).to.equal('champ obligatoire');
    expect(error.fieldMessage('newPassword')).to.contain(' / ');
  });

  it('offers the column keys of an import mapping', () => {
    expect(columnKeys).to.include.members([
      'lastName',
      'email.work',
      'phone.mobile',
      'social.linkedin',
      'address.home.city',
    ]);
  });
});
