import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { forbiddenRange } from './address-guard.ts';
import { FeedError } from './feed-errors.ts';
import { safeFetch, vetUrl, type SafeFetchOptions } from './safe-fetch.ts';
import {
  feedHost,
  otherHost,
  startTestServer,
  tableResolver,
} from './test-server.ts';

async function failure(work: Promise<unknown>): Promise<FeedError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a feed error');
}

describe('feed address guard (SSRF)', () => {
  const refused: [string, string][] = [
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.20', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:100.64.1.1', 'cgnat'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:c0a8:0101::1', 'private'],
    ['::127.0.0.1', 'reserved'],
    ['not an address', 'invalid'],
  ];
  for (const [address, range] of refused) {
    it(`refuses ${address} (${range})`, () => {
      expect(forbiddenRange(address)).to.equal(range);
    });
  }

  it('lets public addresses through, IPv4-mapped ones included', () => {
    for (const address of [
      '8.8.8.8',
      '172.32.0.1',
      '172.15.255.255',
      '100.128.0.1',
      '192.169.0.1',
      '2001:4860:4860::8888',
      '2a01:e0a:1::1',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
    ]) {
      expect(forbiddenRange(address), address).to.equal(null);
    }
  });

  const vet = (url: string, resolve = tableResolver({}), allowed = []) =>
    vetUrl(new URL(url), { allowedHosts: new Set(allowed), resolve });

  it('checks every address a name resolves to', async () => {
    const resolve = tableResolver({
      'public.example': ['93.184.216.34'],
      'intranet.example': ['10.0.0.5'],
      'rebind.example': ['93.184.216.34', '127.0.0.1'],
      'mapped.example': ['::ffff:192.168.0.1'],
    });
    expect(
      await vet('https://public.example/contacts.csv', resolve),
    ).to.deep.equal({ address: '93.184.216.34', family: 4 });
    for (const host of [
      'intranet.example',
      'rebind.example',
      'mapped.example',
    ]) {
      const error = await failure(vet(`https://${host}/x.csv`, resolve));
      expect(error.code, host).to.equal('ADDRESS_REFUSED');
      expect(error.fr).to.include(host);
    }
    expect(resolve.asked).to.include('rebind.example');
  });

  it('refuses private address literals, whatever their spelling', async () => {
    for (const url of [
      'https://127.0.0.1/',
      'https://[::1]/',
      'https://2130706433/',
      'https://0x7f.0.0.1/',
      'https://[::ffff:169.254.169.254]/',
    ]) {
      expect((await failure(vet(url))).code, url).to.equal('ADDRESS_REFUSED');
    }
  });

  it('lets an allowed host reach a private address, and only that host', async () => {
    const resolve = tableResolver({
      'crm.intranet': ['10.0.0.8'],
      'other.intranet': ['10.0.0.9'],
    });
    expect(
      await vetUrl(new URL('https://CRM.intranet./export.csv'), {
        allowedHosts: new Set(['crm.intranet']),
        resolve,
      }),
    ).to.deep.equal({ address: '10.0.0.8', family: 4 });
    const other = await failure(
      vetUrl(new URL('https://other.intranet/export.csv'), {
        allowedHosts: new Set(['crm.intranet']),
        resolve,
      }),
    );
    expect(other.code).to.equal('ADDRESS_REFUSED');
  });

  it('accepts http only for an allowed host, and never credentials', async () => {
    const resolve = tableResolver({ 'crm.intranet': ['10.0.0.8'] });
    const plain = await failure(vet('http://crm.intranet/x.csv', resolve));
    expect(plain.code).to.equal('URL_REFUSED');
    expect(
      await vetUrl(new URL('http://crm.intranet/x.csv'), {
        allowedHosts: new Set(['crm.intranet']),
        resolve,
      }),
    ).to.have.property('address', '10.0.0.8');
    expect((await failure(vet('ftp://public.example/x'))).code).to.equal(
      'URL_REFUSED',
    );
    expect(
      (await failure(vet('https://user:secret@public.example/x'))).code,
    ).to.equal('URL_REFUSED');
    expect((await failure(vet('https://unknown.example/x'))).code).to.equal(
      'DNS_FAILED',
    );
  });
});

describe('feed download over HTTPS', function () {
  this.timeout(20_000);
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const resolve = tableResolver({
    [feedHost]: ['127.0.0.1'],
    [otherHost]: ['127.0.0.1'],
    'metadata.relais.test': ['169.254.169.254'],
    'intranet.relais.test': ['10.20.30.40'],
  });
  const options = (more: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
    allowedHosts: new Set([feedHost]),
    resolve,
    ca: server.ca,
    ...more,
  });
  const at = (path: string, host = feedHost) =>
    `https://${host}:${server.port}${path}`;

  before(async () => {
    server = await startTestServer();
    server.routes.set('/contacts.csv', (_request, response) => {
      response.setHeader('content-type', 'text/csv');
      response.end('Nom;Prénom\nDupont;Anne\n');
    });
    server.routes.set('/gzipped', (_request, response) => {
      response.setHeader('content-encoding', 'gzip');
      response.setHeader(
        'content-disposition',
        'attachment; filename="export presse.csv"',
      );
      response.end(gzipSync('Nom\nMartin\n'));
    });
    server.routes.set('/moved', (_request, response) => {
      response.writeHead(302, { location: '/contacts.csv' });
      response.end();
    });
    server.routes.set('/to-metadata', (_request, response) => {
      response.writeHead(302, {
        location: 'https://metadata.relais.test/latest/meta-data/',
      });
      response.end();
    });
    server.routes.set('/to-intranet-literal', (_request, response) => {
      response.writeHead(307, { location: 'https://10.20.30.40/admin' });
      response.end();
    });
    server.routes.set('/to-other-host', (_request, response) => {
      response.writeHead(301, { location: at('/contacts.csv', otherHost) });
      response.end();
    });
    server.routes.set('/loop', (_request, response) => {
      response.writeHead(302, { location: '/loop' });
      response.end();
    });
    server.routes.set('/big', (_request, response) => {
      response.setHeader('content-length', 5000);
      response.end(Buffer.alloc(5000, 65));
    });
    server.routes.set('/big-chunked', (_request, response) => {
      for (let i = 0; i < 10; i += 1) response.write(Buffer.alloc(500, 66));
      response.end();
    });
    server.routes.set('/bomb', (_request, response) => {
      response.setHeader('content-encoding', 'gzip');
      response.end(gzipSync(Buffer.alloc(200_000)));
    });
    server.routes.set('/silent', () => undefined);
    server.routes.set('/broken', (_request, response) => {
      response.statusCode = 503;
      response.end('down');
    });
  });
  after(() => server.close());

  it('downloads from an allowed host through the vetted address, with the CA given', async () => {
    const asked = resolve.asked.length;
    const fetched = await safeFetch(at('/contacts.csv?token=abc'), options());

    expect(fetched.data.toString()).to.equal('Nom;Prénom\nDupont;Anne\n');
    expect(fetched.fileName).to.equal('contacts.csv');
    expect(fetched.contentType).to.equal('text/csv');
    // The system resolver does not know the name: the connection used the
    // address the guard checked, asked once.
    expect(resolve.asked.slice(asked)).to.deep.equal([feedHost]);
  });

  it('keeps certificate checks on: an unknown authority is refused', async () => {
    const error = await failure(
      safeFetch(at('/contacts.csv'), options({ ca: undefined })),
    );
    expect(error.code).to.equal('NETWORK');
  });

  it('decodes a compressed body and takes the name the server gives', async () => {
    const fetched = await safeFetch(at('/gzipped'), options());
    expect(fetched.data.toString()).to.equal('Nom\nMartin\n');
    expect(fetched.fileName).to.equal('export presse.csv');
  });

  it('follows a redirect within the allowed host', async () => {
    const fetched = await safeFetch(at('/moved'), options());
    expect(fetched.url.pathname).to.equal('/contacts.csv');
  });

  it('refuses a redirect to a private address, before connecting', async () => {
    const hits = server.hits.length;
    const named = await failure(safeFetch(at('/to-metadata'), options()));
    expect(named.code).to.equal('ADDRESS_REFUSED');
    expect(named.en).to.include('169.254.169.254');
    const literal = await failure(
      safeFetch(at('/to-intranet-literal'), options()),
    );
    expect(literal.code).to.equal('ADDRESS_REFUSED');
    expect(server.hits.length - hits).to.equal(2);
  });

  it('vets each hop again: a host not allowed may not be reached by redirect', async () => {
    const error = await failure(safeFetch(at('/to-other-host'), options()));
    expect(error.code).to.equal('ADDRESS_REFUSED');
    expect(error.en).to.include(otherHost);
  });

  it('stops after three redirects', async () => {
    const hits = server.hits.length;
    const error = await failure(safeFetch(at('/loop'), options()));
    expect(error.code).to.equal('TOO_MANY_REDIRECTS');
    expect(server.hits.length - hits).to.equal(4);
  });

  it('refuses a body over the limit, declared or not, compressed or not', async () => {
    for (const path of ['/big', '/big-chunked', '/bomb']) {
      const error = await failure(
        safeFetch(at(path), options({ maxBytes: 1000 })),
      );
      expect(error.code, path).to.equal('TOO_LARGE');
      expect(error.fr).to.match(/trop volumineux/);
    }
  });

  it('gives up on a silent server after its deadline', async () => {
    const error = await failure(
      safeFetch(at('/silent'), options({ timeoutMs: 300 })),
    );
    expect(error.code).to.equal('TIMEOUT');
  });

  it('reports an error status with the address but not its query', async () => {
    const error = await failure(safeFetch(at('/broken?key=secret'), options()));
    expect(error.code).to.equal('HTTP_STATUS');
    expect(error.en).to.include('503');
    expect(error.en).not.to.include('secret');
  });
});
