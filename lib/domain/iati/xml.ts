// Hand-written XML output: the IATI document is small and fixed in shape, so a library would add
// weight without safety we cannot prove here. Every text and attribute value passes through these.

// XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is its own code point, so it is outside every range and goes too.
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters XML 1.0 cannot carry at all (not even as character references). */
export function stripIllegalXmlChars(value: string): string {
  return value.replace(ILLEGAL_XML_CHARS, '');
}

/** Text content: & < > escaped; > too, so "]]>" can never appear; CR kept as a reference so parsers do not fold it. */
export function escapeText(value: string): string {
  return stripIllegalXmlChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values (always written in double quotes); tab and newlines as references so attribute normalisation keeps them. */
export function escapeAttr(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

/** A comment body: "--" is forbidden inside and a trailing "-" would make "--->". */
export function commentText(value: string): string {
  const body = stripIllegalXmlChars(value).replace(/-(?=-)/g, '- ');
  return body.endsWith('-') ? `${body} ` : body;
}

export type Attrs = Record<string, string | null | undefined>;

function attrs(values: Attrs): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join('');
}

/**
 * A tiny indenting writer. Element and attribute names are always literals in our code,
 * never data, so only values are escaped.
 */
export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private depth = 0;

  private push(line: string) {
    this.lines.push('  '.repeat(this.depth) + line);
  }

  open(name: string, attributes: Attrs = {}) {
    this.push(`<${name}${attrs(attributes)}>`);
    this.depth += 1;
  }

  close(name: string) {
    this.depth -= 1;
    this.push(`</${name}>`);
  }

  /** An element with text content, or self-closing when text is undefined. */
  leaf(name: string, attributes: Attrs = {}, text?: string) {
    if (text === undefined) this.push(`<${name}${attrs(attributes)}/>`);
    else this.push(`<${name}${attrs(attributes)}>${escapeText(text)}</${name}>`);
  }

  comment(text: string) {
    this.push(`<!-- ${commentText(text)} -->`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
