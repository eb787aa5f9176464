import { expect } from 'chai';
import { createExportsClient, RelaisApiError } from './index.ts';

type Sent = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
};

function clientAnswering(answer: () => Response) {
  const sent: Sent[] = [];
  const client = createExportsClient({
    baseUrl: 'http://127.0.0.1:3000/',
    getToken: () => 'jeton',
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

describe('typed client: exports', () => {
  it('downloads a file with its French name and the left-out count', async () => {
    const { client, sent } = clientAnswering(
      () =>
        new Response('a;b\r\n', {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition':
              'attachment; filename="etiquettes-2026-12-04.docx"; ' +
              "filename*=UTF-8''%C3%A9tiquettes-2026-12-04.docx",
            'x-export-matched': '12',
            'x-export-excluded': '3',
            'x-export-channel': 'post',
          },
        }),
    );
    const download = await client.download({
      target: { kind: 'list', listId: 4 },
      format: 'docx-labels',
    });
    expect(sent[0]).to.deep.include({
      method: 'POST',
      url: 'http://127.0.0.1:3000/api/exports',
    });
    expect(sent[0]?.headers.authorization).to.equal('Bearer jeton');
    expect(JSON.parse(String(sent[0]?.body))).to.deep.equal({
      target: { kind: 'list', listId: 4 },
      format: 'docx-labels',
    });
    expect(download).to.deep.include({
      fileName: 'étiquettes-2026-12-04.docx',
      matched: 12,
      excluded: 3,
      channel: 'post',
    });
    expect(await download.blob.text()).to.equal('a;b\r\n');
  });

  it('turns a refusal into a RelaisApiError with its code', async () => {
    const { client } = clientAnswering(() =>
      Response.json(
        {
          error: {
            code: 'FORBIDDEN',
            message: 'Les exports sont réservés aux administrateurs.',
          },
        },
        { status: 403 },
      ),
    );
    const failure = await client
      .download({
        target: { kind: 'contacts', contactIds: [1] },
        format: 'xlsx',
      })
      .catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(RelaisApiError);
    expect((failure as RelaisApiError).code).to.equal('FORBIDDEN');
  });
});
