import type { ImportedContact } from './imported-contact.ts';

/** The file formats the readers understand. */
export type ImportFormat = 'csv' | 'xlsx' | 'vcard' | 'jcard' | 'xcard';

/** How a text date such as `09/01/08` is ordered: day first, month first or year first. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** A problem with one row or card, in French and English, with the line it starts on. */
export type ReadIssue = {
  line: number;
  /** The spreadsheet tab the row comes from (xlsx only). */
  sheet?: string;
  /** The contact field concerned, when the problem is about one field. */
  field?: string;
  reason: string;
  reasonEn: string;
};

/**
 * What a reader yields: a contact, or an issue. A row that imports with a
 * problem (an impossible date, say) yields both, with the same line.
 */
export type ReadRow =
  | { line: number; sheet?: string; contact: ImportedContact }
  | { line: number; sheet?: string; issue: ReadIssue };

/** Options a caller may give when the file alone cannot tell. */
export type ReadOptions = {
  /** Skip format detection. */
  format?: ImportFormat;
  /** Read only this spreadsheet tab (xlsx). */
  sheet?: string;
  /** Order of ambiguous text dates; detected from the column when not given. */
  dateOrder?: DateOrder;
  /** A person's column choices (header → column key, or null to skip it). */
  columns?: Record<string, string | null>;
  /** Told how each table's columns were understood, before its rows. */
  onMapping?: (mapping: TableMapping) => void;
};

/** How one table's columns were understood: suggested, then as chosen. */
export type TableMapping = {
  sheet?: string;
  columns: {
    index: number;
    header: string;
    /** What the header mapper recognised (a column key), or null. */
    suggested: string | null;
    /** What will be imported, after the person's choices. */
    key: string | null;
  }[];
  /**
   * Columns left out because an earlier column already feeds the same
   * single-valued field (a second « Nom »): its values would be lost unseen.
   */
  duplicates?: {
    index: number;
    header: string;
    /** The column that keeps the field. */
    firstIndex: number;
    firstHeader: string;
    key: string;
  }[];
  /** The header row's line (the first row's, without a header). */
  line?: number;
};

/** A problem found while building one contact, before its location is known. */
export type FieldIssue = { field?: string; reason: string; reasonEn: string };

/** File-level failure (unreadable, empty, not a contact file), in French and English. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  reason: string;
  reasonEn: string;
  fileName: string;

  /**
   * @param fileName the name the user gave the file
   * @param reason what went wrong, in French
   * @param reasonEn the same in English
   */
  constructor(fileName: string, reason: string, reasonEn: string) {
    super(`« ${fileName} » : ${reason} / "${fileName}": ${reasonEn}`);
    this.fileName = fileName;
    this.reason = reason;
    this.reasonEn = reasonEn;
  }
}

/** Where a row sits in its file, for issue texts. */
export type RowPlace = { line: number; sheet?: string };

/**
 * Prefixes a field issue with its place ("Ligne 12 : …", or
 * "Feuille « Presse », ligne 12 : …" in a workbook) and makes it a read row.
 */
export function issueRow(place: RowPlace, issue: FieldIssue): ReadRow {
  const where = place.sheet
    ? {
        fr: `Feuille « ${place.sheet} », ligne ${place.line}`,
        en: `Sheet "${place.sheet}", row ${place.line}`,
      }
    : { fr: `Ligne ${place.line}`, en: `Line ${place.line}` };
  const full: ReadIssue = {
    line: place.line,
    reason: `${where.fr} : ${issue.reason}`,
    reasonEn: `${where.en}: ${issue.reasonEn}`,
  };
  if (place.sheet) full.sheet = place.sheet;
  if (issue.field) full.field = issue.field;

  return place.sheet
    ? { line: place.line, sheet: place.sheet, issue: full }
    : { line: place.line, issue: full };
}

/** A contact as a read row, carrying its sheet when it has one. */
export function contactRow(place: RowPlace, contact: ImportedContact): ReadRow {
  return place.sheet
    ? { line: place.line, sheet: place.sheet, contact }
    : { line: place.line, contact };
}
