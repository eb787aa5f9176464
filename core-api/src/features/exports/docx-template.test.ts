import { deflateRawSync } from 'node:zlib';
import { expect } from 'chai';
import { loadTemplate } from './docx-template.ts';
import { docxWith } from './test-support.ts';

/**
 * A zip whose parts named in `lies` announce those sizes whatever they hold: the local
 * headers and the central directory are written by hand, as a hostile tool
 * would, so nothing in them can be trusted.
 */
function lyingZip(
  parts: Record<string, Buffer>,
  lies: Record<string, number>,
): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const packed = deflateRawSync(content);
    const declared = lies[name] ?? content.length;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);

  return Buffer.concat([...locals, directory, end]);
}

describe('DOCX template limits', () => {
  it('refuses a part whose real unpacked size is over the limit, whatever it says', async () => {
    const document = Buffer.concat([
      Buffer.from('<w:document><w:body>'),
      Buffer.alloc(100 * 1024 * 1024, ' '),
      Buffer.from('</w:body></w:document>'),
    ]);
    const bomb = lyingZip(
      {
        '[Content_Types].xml': Buffer.from('<Types/>'),
        'word/document.xml': document,
      },
      { 'word/document.xml': 1000 },
    );
    expect(bomb.length).to.be.below(1024 * 1024);
    const before = process.memoryUsage().rss;
    const error = await loadTemplate(bomb, 'bombe.docx').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.include({ code: 'EXPORT_TEMPLATE_INVALID' });
    const refused = error as { messageFr: string; messageEn: string };
    expect(refused.messageFr).to.include('« bombe.docx »');
    expect(refused.messageFr).to.include('trop volumineux');
    expect(refused.messageEn).to.include('"bombe.docx"');
    expect(process.memoryUsage().rss - before).to.be.below(200 * 1024 * 1024);
  });

  it('refuses a part whose size differs from the one announced', async () => {
    const liar = lyingZip(
      {
        '[Content_Types].xml': Buffer.from('<Types/>'),
        'word/document.xml': Buffer.from('<w:document><w:body/></w:document>'),
      },
      { 'word/document.xml': 3 },
    );
    const error = await loadTemplate(liar, 'faux.docx').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.include({ code: 'EXPORT_TEMPLATE_INVALID' });
    expect((error as { messageFr: string }).messageFr).to.include(
      'taille annoncée est fausse',
    );
  });

  it('still opens an honest template', async () => {
    const template = await docxWith('<w:p><w:r><w:t>Bonjour</w:t></w:r></w:p>');
    const compiled = await loadTemplate(template, 'honnête.docx');
    expect(compiled).to.be.an('object');
  });
});
