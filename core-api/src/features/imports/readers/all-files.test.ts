import { expect } from 'chai';
import { contactInput } from '../../contacts/contacts.schemas.ts';
import { inputFixtures, readFixture } from './test-support.ts';

/**
 * What every fixture yields: contacts, issues, and records refused whole
 * (no name, email or company; a broken card). Adding a fixture without a
 * line here fails the test, so nothing is read unchecked.
 */
const expected: Record<
  string,
  [contacts: number, issues: number, refused: number]
> = {
  'csv/civicrm_column_names_casing.csv': [1, 0, 0],
  'csv/civicrm_individual_dates_type1.csv': [7, 8, 0],
  'csv/civicrm_individual_dates_type16.csv': [2, 2, 0],
  'csv/civicrm_individual_dates_type2.csv': [3, 3, 0],
  'csv/civicrm_individual_dates_type32.csv': [2, 2, 0],
  'csv/civicrm_individual_dates_type4.csv': [4, 4, 0],
  'csv/civicrm_individual_dates_type8.csv': [1, 1, 0],
  'csv/civicrm_individual_unicode.csv': [1, 0, 0],
  'csv/civicrm_organization_multiple_duplicates_invalid.csv': [3, 0, 0],
  'csv/monica_single_contact_stub.csv': [1, 1, 0],
  'csv/outlook_fr_header_mojibake_bug9367.utf8.csv': [0, 0, 0],
  'csv/outlook_fr_header_reconstructed.cp1252.csv': [0, 0, 0],
  'csv/roundcube_all.csv': [1, 4, 0],
  'csv/roundcube_email_only.csv': [4, 0, 0],
  'csv/roundcube_gmail.csv': [1, 2, 0],
  'csv/roundcube_outlook.csv': [1, 0, 0],
  'csv/roundcube_thunderbird.csv': [1, 0, 0],
  'csv/thunderbird_basic.csv': [2, 0, 0],
  'csv/thunderbird_csv_no_header.csv': [2, 0, 0],
  'csv/thunderbird_csv_semicolon.csv': [2, 0, 0],
  'csv/thunderbird_export.csv': [2, 2, 0],
  'csv/thunderbird_quote.csv': [1, 0, 0],
  'csv/thunderbird_shiftjis_addressbook.csv': [1, 0, 0],
  'csv/thunderbird_tab_comma_mixed.csv': [4, 0, 0],
  'csv/thunderbird_utf16_addressbook.csv': [1, 0, 0],
  'vcard/ezvcard_John_Doe_ANDROID.vcf': [6, 1, 0],
  'vcard/ezvcard_John_Doe_BLACK_BERRY.vcf': [1, 0, 0],
  'vcard/ezvcard_John_Doe_EVOLUTION.vcf': [1, 0, 0],
  'vcard/ezvcard_John_Doe_GMAIL.vcf': [1, 0, 0],
  'vcard/ezvcard_John_Doe_IPHONE.vcf': [1, 0, 0],
  'vcard/ezvcard_John_Doe_LOTUS_NOTES.vcf': [1, 0, 0],
  'vcard/ezvcard_John_Doe_MAC_ADDRESS_BOOK.vcf': [1, 0, 0],
  'vcard/ezvcard_John_Doe_MS_OUTLOOK.vcf': [1, 0, 0],
  'vcard/ezvcard_gmail-single2.vcf': [1, 0, 0],
  'vcard/ezvcard_issue114.vcf': [1, 0, 0],
  'vcard/ezvcard_jcard-example.json': [1, 0, 0],
  'vcard/ezvcard_outlook-2003.vcf': [1, 0, 0],
  'vcard/ezvcard_outlook-2007.vcf': [1, 0, 0],
  'vcard/ezvcard_rfc2426-example.vcf': [2, 0, 0],
  'vcard/ezvcard_rfc6350-example.vcf': [1, 0, 0],
  'vcard/ezvcard_thunderbird-extension.vcf': [1, 0, 0],
  'vcard/ezvcard_xcard-rfc6351-example.xml': [1, 0, 0],
  'vcard/icaljs_escape_semicolon.vcf': [1, 1, 0],
  'vcard/icaljs_vcard3.vcf': [1, 0, 0],
  'vcard/icaljs_vcard4.vcf': [1, 1, 0],
  'vcard/icaljs_vcard_grouped.vcf': [0, 3, 1],
  'vcard/monica_broken_vcard_stub.vcard': [0, 1, 1],
  'vcard/monica_vcard_stub.vcf': [3, 0, 0],
  'vcard/pyvobject_radicale-1587.vcf': [1, 0, 0],
  'vcard/roundcube_apple.vcf': [1, 0, 0],
  'vcard/roundcube_johndoe.vcf': [1, 0, 0],
  'vcard/roundcube_photo.vcf': [1, 0, 0],
  'vcard/roundcube_thebat.vcf': [1, 0, 0],
  'vcard/roundcube_utf-16_sample.vcf': [1, 0, 0],
  'vcard/sabre_issue153.vcf': [1, 0, 0],
  'vcard/sabre_issue64.vcf': [0, 1, 1],
  'vcard/syncevolution_eds_contact.vcf': [17, 4, 0],
  'vcard/syncevolution_vcard21.vcf': [16, 4, 0],
  'vcard/thunderbird_dos_vcard.vcf': [1, 0, 0],
  'vcard/thunderbird_emptylines.vcf': [2, 0, 0],
  'vcard/thunderbird_v3-uri-binary-png.vcf': [1, 0, 0],
  'vcard/thunderbird_v4-uri-jpeg.vcf': [1, 0, 0],
  'xlsx/fichier_presse_exemple.xlsx': [2000, 0, 0],
};

const isRefusal = (reasonEn: string): boolean =>
  reasonEn.endsWith('row not imported') || reasonEn.endsWith('card skipped');

describe('every contact fixture', () => {
  it('has an expected outcome here, and no outcome is listed for a missing file', () => {
    expect(inputFixtures()).to.deep.equal(Object.keys(expected).sort());
  });

  it('yields only contacts the contact schema accepts, in the expected numbers', async () => {
    const outcomes: Record<string, [number, number, number]> = {};
    const rejected: string[] = [];
    for (const file of inputFixtures()) {
      const { contacts, issues } = await readFixture(file);
      for (const { line, contact } of contacts) {
        const parsed = contactInput.safeParse(contact);
        if (!parsed.success)
          rejected.push(`${file}:${line} ${parsed.error.message}`);
      }
      for (const issue of issues) {
        expect(issue.reason, file).to.match(
          /^(Feuille « .+ », ligne|Ligne) \d+ : /,
        );
        expect(issue.reasonEn, file).to.match(/^(Sheet ".+", row|Line) \d+: /);
      }
      outcomes[file] = [
        contacts.length,
        issues.length,
        issues.filter((i) => isRefusal(i.reasonEn)).length,
      ];
    }
    expect(rejected).to.deep.equal([]);
    expect(outcomes).to.deep.equal(expected);
  });
});
