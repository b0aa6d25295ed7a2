import { xmlText } from './xml';

// The fixed parts of a one-sheet workbook (ECMA-376 SpreadsheetML, transitional namespaces as
// Excel writes them), and styles.xml built from the number formats the sheet used.

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const CONTENT_TYPES =
  DECLARATION +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>';

export const ROOT_RELS =
  DECLARATION +
  `<Relationships xmlns="${PACKAGE_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

export const WORKBOOK_RELS =
  DECLARATION +
  `<Relationships xmlns="${PACKAGE_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
  '</Relationships>';

/**
 * workbook.xml: the sheet, and the hidden name Excel itself keeps for an auto filter's range
 * (`_xlnm._FilterDatabase`; without it some Excel versions drop the filter buttons on save).
 */
export function workbookXml(name: string, filterRef: string | null): string {
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const defined = filterRef ? `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${xmlText(`${quoted}!${filterRef}`)}</definedName></definedNames>` : '';
  return DECLARATION + `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlText(name)}" sheetId="1" r:id="rId1"/></sheets>${defined}</workbook>`;
}

/** Fixed cell styles; number formats found while streaming get the indexes after these. */
export const STYLE = { plain: 0, header: 1, date: 2, timestamp: 3 } as const;
const FIXED_FORMATS: { id: number; font: number }[] = [
  { id: 0, font: 0 }, // plain (General)
  { id: 0, font: 1 }, // header: bold
  { id: 164, font: 0 }, // yyyy-mm-dd
  { id: 165, font: 0 }, // yyyy-mm-dd hh:mm:ss
];
const FIXED_CODES = ['yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss'];

/**
 * Cell style index per number format code, assigned on first use (a currency's format the first
 * time a row in it is written), so styles.xml, written after the sheet, lists exactly the
 * formats the sheet used: a table of any currencies, one style each.
 */
export class NumberFormats {
  private readonly codes: string[] = [];
  private readonly styles = new Map<string, number>();

  styleOf(code: string): number {
    let style = this.styles.get(code);
    if (style === undefined) {
      style = FIXED_FORMATS.length + this.codes.length;
      this.codes.push(code);
      this.styles.set(code, style);
    }
    return style;
  }

  stylesXml(): string {
    const codes = [...FIXED_CODES, ...this.codes];
    const numFmts = codes.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(code)}"/>`).join('');
    const xfs = [...FIXED_FORMATS, ...this.codes.map((_, i) => ({ id: 164 + FIXED_CODES.length + i, font: 0 }))]
      .map((x) => `<xf numFmtId="${x.id}" fontId="${x.font}" fillId="0" borderId="0" xfId="0"${x.id ? ' applyNumberFormat="1"' : ''}${x.font ? ' applyFont="1"' : ''}/>`)
      .join('');
    return (
      DECLARATION +
      `<styleSheet xmlns="${MAIN}">` +
      `<numFmts count="${codes.length}">${numFmts}</numFmts>` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${FIXED_FORMATS.length + this.codes.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}
