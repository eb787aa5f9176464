import { expect } from 'chai';
import { RecordSplitter } from './csv-records.ts';
import type { RawRecord } from './csv-records.ts';
import { readAllRows } from './test-support.ts';

/** Splits text given in the chunks listed, as records `line: text` (refused ones marked `!`). */
function split(...chunks: string[]): string[] {
  const splitter = new RecordSplitter('f.csv');
  const records: RawRecord[] = [];
  for (const chunk of chunks) records.push(...splitter.write(chunk));
  records.push(...splitter.end());

  return records.map(
    (record) => `${record.line}${record.issue ? '!' : ''}: ${record.text}`,
  );
}

describe('CSV record splitting', () => {
  it('refuses the line of a quote never closed and reads the rows after it', async () => {
    const csv =
      'Nom,Prénom,E-mail\nDupont,Jean,jean@x.fr\n"unterminated,quote,x\nMartin,Paul,paul@x.fr\n';
    const { contacts, issues } = await readAllRows('f.csv', Buffer.from(csv));
    expect(contacts.map((c) => [c.line, c.contact.lastName])).to.deep.equal([
      [2, 'Dupont'],
      [4, 'Martin'],
    ]);
    expect(contacts[1]?.contact).to.deep.equal({
      lastName: 'Martin',
      firstName: 'Paul',
      emails: [{ address: 'paul@x.fr', isPrimary: true }],
    });
    expect(issues).to.deep.equal([
      {
        line: 3,
        reason:
          'Ligne 3 : guillemet jamais refermé dans « "unterminated,quote,x » : ' +
          'ligne non importée, la lecture reprend à la ligne suivante',
        reasonEn:
          'Line 3: quote never closed in ""unterminated,quote,x": ' +
          'row not imported, reading resumes on the next line',
      },
    ]);
  });

  it('sees a stray quote when a later quote closes it in the middle of a value', () => {
    expect(split('a,b\n1,"x\n2,y\n3,"z",w\n4,"v\nw",u\n')).to.deep.equal([
      '1: a,b',
      '2!: 1,"x',
      '3: 2,y',
      '4: 3,"z",w',
      '5: 4,"v\nw",u',
    ]);
  });

  it('refuses a stray quote however many lines it swallowed, line numbers intact', () => {
    const text = 'Nom\r\n"Dupont\r\nMartin\r\nDurand\r\n"Petit\r\nLeroy';
    expect(split(text)).to.deep.equal([
      '1: Nom',
      '2!: "Dupont',
      '3: Martin',
      '4: Durand',
      '5!: "Petit',
      '6: Leroy',
    ]);
  });

  it('keeps a quoted value over several lines, with doubled quotes and CRLF', () => {
    const text =
      'Nom,Adresse,Ville\r\nMartin,"12 rue ""Haute""\r\nBât. B",Lyon\r\nLeroy,"",Paris\r\n';
    expect(split(text)).to.deep.equal([
      '1: Nom,Adresse,Ville',
      '2: Martin,"12 rue ""Haute""\r\nBât. B",Lyon',
      '4: Leroy,"",Paris',
    ]);
  });

  it('splits the same way wherever the chunks are cut', () => {
    const text =
      'a;b\r\n"x\r\ny"";z"\r\n1;"open\r\n2;3\r\n"q\r\nr" ;s\r\n4;"t"u\r\n5;6';
    const whole = split(text);
    expect(whole).to.deep.equal([
      '1: a;b',
      '2: "x\r\ny"";z"',
      '4!: 1;"open',
      '5: 2;3',
      '6: "q\r\nr" ;s',
      '8: 4;"t"u',
      '9: 5;6',
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(
        split(text.slice(0, cut), text.slice(cut)),
        `cut at ${cut}`,
      ).to.deep.equal(whole);
    }
    expect(split(...text.split(''))).to.deep.equal(whole);
  });
});
