/**
 * CSV as RFC 4180 writes it (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF), plus what
 * spreadsheets add: a UTF-8 byte-order mark, and semicolons as the separator in locales that use the decimal comma.
 */

export type CsvRecord = { line: number; fields: string[] };

export type CsvParse = { records: CsvRecord[]; error: { line: number; message: string } | null };

/** Splits CSV text into records, each with the line it starts on. An unclosed quote stops with an error. */
export function parseCsv(input: string): CsvParse {
  const text = input.replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = !firstLine.includes(",") && firstLine.includes(";") ? ";" : ",";
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === "\n") line += 1;
        field += c;
      }
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      quoteLine = line;
      field = "";
    } else if (c === separator) {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      fields.push(field);
      if (fields.some((f) => f.trim() !== "")) records.push({ line: start, fields });
      fields = [];
      field = "";
      line += 1;
      start = line;
    } else {
      field += c;
    }
  }
  if (quoted) return { records, error: { line: quoteLine, message: "a quoted field is never closed" } };
  fields.push(field);
  if (fields.some((f) => f.trim() !== "")) records.push({ line: start, fields });
  return { records, error: null };
}

/** One field for a CSV file: quoted when it holds a separator, quote or line break, or could start a formula. */
export function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet; a quote and an apostrophe keep it text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text with CRLF line ends, the header first. */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  return [header, ...rows]
    .map((row) => row.map(csvField).join(","))
    .join("\r\n")
    .concat("\r\n");
}
