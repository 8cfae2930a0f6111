/**
 * The documented CSV format (docs/csv-format.md) split into rows of cells, in one linear pass.
 * Semicolons separate cells; CRLF or LF end rows (a lone CR only in a file that has no LF: old Mac
 * exports); a cell that starts with `"` is quoted (`""` is a quote, `;` and line breaks are text);
 * a quote inside an unquoted cell is text. Rows may be shorter or longer than the header: the
 * reader judges that. Replaces csv-parse, which builds an error object for every row shorter than
 * the header even when told to accept it (100,000 such rows took seconds).
 */
export type CsvRows = { ok: true; rows: string[][] } | { ok: false; reason: string };

const DELIMITER = ';';

export function csvRows(text: string): CsvRows {
  const rows: string[][] = [];
  const lineEnd = text.includes('\n') ? '\n' : '\r';
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf(lineEnd, pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end > pos && lineEnd === '\n' && text[end - 1] === '\r' ? end - 1 : end);
    if (!line.includes('"')) {
      // The common row: no quote anywhere, so the native split is exact.
      rows.push(line.split(DELIMITER));
      pos = end + 1;
      continue;
    }
    const quoted = quotedRow(text, pos, rows.length + 1, lineEnd);
    if (!quoted.ok) return quoted;
    rows.push(quoted.cells);
    pos = quoted.next;
  }
  return { ok: true, rows };
}

type QuotedRow = { ok: true; cells: string[]; next: number } | { ok: false; reason: string };

/** A row holding a quote, read cell by cell from pos; quoted cells may span lines. */
function quotedRow(text: string, pos: number, rowNo: number, lineEnd: string): QuotedRow {
  const cells: string[] = [];
  for (;;) {
    const column = cells.length + 1;
    let cell: string;
    if (text[pos] === '"') {
      const opened = pos;
      cell = '';
      let from = pos + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return { ok: false, reason: `row ${rowNo}, column ${column}: the quoted cell opened at character ${opened + 1} is never closed (a missing '"', or the file was cut short)` };
        cell += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          cell += '"';
          from = quote + 2;
          continue;
        }
        pos = quote + 1;
        break;
      }
      const after = text[pos];
      if (after !== undefined && after !== DELIMITER && after !== lineEnd && !(after === '\r' && text[pos + 1] === '\n')) {
        return { ok: false, reason: `row ${rowNo}, column ${column}: the quoted cell is closed by '"' but followed by '${after}' instead of ';' or a line break (a quote inside a quoted cell must be doubled: "")` };
      }
    } else {
      let stop = pos;
      while (stop < text.length && text[stop] !== DELIMITER && text[stop] !== lineEnd && !(text[stop] === '\r' && text[stop + 1] === '\n')) stop++;
      cell = text.slice(pos, stop);
      pos = stop;
    }
    cells.push(cell);
    if (text[pos] === DELIMITER) {
      pos++;
      continue;
    }
    if (pos >= text.length) return { ok: true, cells, next: pos };
    return { ok: true, cells, next: pos + (text[pos] === '\r' && lineEnd === '\n' ? 2 : 1) };
  }
}
