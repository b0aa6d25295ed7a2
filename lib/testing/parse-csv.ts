/**
 * Reads RFC 4180 CSV back into records (quoted fields, doubled quotes, CRLF records) so tests can
 * compare an export with the rows on screen or in the database. Strip the BOM before calling.
 * Used by the export unit tests and the Playwright tables journey: one parser, one reading of the format.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += c;
  }
  if (field || record.length) record.push(field), records.push(record);
  return records;
}
