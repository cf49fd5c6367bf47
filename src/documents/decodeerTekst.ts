// Apart from htmlNaarDocx.ts: the filing renderer's previews use it, and the docx library behind htmlNaarDocx.ts is
// loaded only when a Word file is made.

const ENTITEITEN: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
// Characters XML 1.0 does not allow: a value holding them would make Word refuse the file.
const ONGELDIG_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Invisible and bidirectional controls (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069) and the BOM: never in a filing.
const ONZICHTBAAR = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function decodeerTekst(tekst: string): string {
  return tekst
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (geheel, code: string) => {
      if (code[0] === '#') {
        const punt = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(punt) && punt <= 0x10ffff ? String.fromCodePoint(punt) : '';
      }
      return ENTITEITEN[code.toLowerCase()] ?? geheel;
    })
    .replace(ONGELDIG_IN_XML, '')
    .replace(ONZICHTBAAR, '');
}
