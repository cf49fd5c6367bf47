import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import { decodeerTekst } from './decodeerTekst';

export { decodeerTekst };

/**
 * Turns the filing templates' HTML subset into Word paragraphs. The subset: h1, h2, p (class rechts/klein/
 * ondertekening), ol/li (numbered continuously through the document; `ol class="letters"` is a lettered list of its
 * own, for a petitum), strong/b, em/i, br, div (a container). Everything else in the text is data, already escaped by
 * Handlebars.
 */

const TOKEN = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>|([^<]+)/gi;
interface Blok {
  soort: 'p' | 'h1' | 'h2' | 'li';
  klassen: string[];
  runs: TextRun[];
  lijst?: { reference: 'genummerd' | 'letters'; instance: number };
}

export function htmlNaarParagrafen(html: string): Paragraph[] {
  const paragrafen: Paragraph[] = [];
  const containerKlassen: string[][] = [];
  let blok: Blok | undefined;
  let vet = 0;
  let cursief = 0;
  // One continuous numbering for every numbered list; each lettered list restarts at a.
  let lijst: Blok['lijst'] = { reference: 'genummerd', instance: 1 };
  let letterInstantie = 1;

  const sluitBlok = () => {
    if (!blok) return;
    const klassen = [...blok.klassen, ...containerKlassen.flat()];
    const opties: IParagraphOptions = {
      children: blok.runs,
      ...(blok.soort === 'h1' ? { heading: HeadingLevel.HEADING_1 } : {}),
      ...(blok.soort === 'h2' ? { heading: HeadingLevel.HEADING_2, keepNext: true } : {}),
      ...(blok.soort === 'li' && blok.lijst ? { numbering: { reference: blok.lijst.reference, level: 0, instance: blok.lijst.instance } } : {}),
      ...(klassen.includes('rechts') ? { alignment: AlignmentType.RIGHT } : {}),
      ...(klassen.includes('ondertekening') ? { keepNext: true, keepLines: true } : {}),
      ...(klassen.includes('waarschuwing') ? { border: { left: { style: 'single', size: 18, color: 'A4161A', space: 8 } } } : {}),
    };
    paragrafen.push(new Paragraph(opties));
    blok = undefined;
  };
  const begin = (soort: Blok['soort'], klassen: string[]) => {
    sluitBlok();
    blok = { soort, klassen, runs: [], ...(soort === 'li' ? { lijst } : {}) };
  };

  for (const m of html.matchAll(TOKEN)) {
    const [, sluit, tagRuw, attributen, tekst] = m;
    if (tekst !== undefined) {
      const schoon = decodeerTekst(tekst.replace(/\s+/g, ' '));
      if (!schoon.trim()) {
        if (blok && blok.runs.length > 0 && schoon) blok.runs.push(new TextRun({ text: ' ', bold: vet > 0, italics: cursief > 0 }));
        continue;
      }
      if (!blok) begin('p', []);
      const klein = blok!.klassen.includes('klein') || containerKlassen.flat().includes('klein');
      blok!.runs.push(
        new TextRun({ text: blok!.runs.length === 0 ? schoon.trimStart() : schoon, bold: vet > 0, italics: cursief > 0, ...(klein ? { size: 18 } : {}) }),
      );
      continue;
    }
    const tag = tagRuw!.toLowerCase();
    const klassen =
      /class="([^"]*)"/
        .exec(attributen ?? '')?.[1]
        ?.split(/\s+/)
        .filter(Boolean) ?? [];
    if (!sluit) {
      if (tag === 'p' || tag === 'h1' || tag === 'h2' || tag === 'li') begin(tag, klassen);
      else if (tag === 'ol') {
        sluitBlok();
        lijst = klassen.includes('letters') ? { reference: 'letters', instance: ++letterInstantie } : { reference: 'genummerd', instance: 1 };
      } else if (tag === 'div') {
        sluitBlok();
        containerKlassen.push(klassen);
      } else if (tag === 'strong' || tag === 'b') vet++;
      else if (tag === 'em' || tag === 'i') cursief++;
      else if (tag === 'br' && blok) blok.runs.push(new TextRun({ break: 1 }));
    } else {
      if (tag === 'p' || tag === 'h1' || tag === 'h2' || tag === 'li') sluitBlok();
      else if (tag === 'ol') sluitBlok();
      else if (tag === 'div') {
        sluitBlok();
        containerKlassen.pop();
      } else if (tag === 'strong' || tag === 'b') vet = Math.max(0, vet - 1);
      else if (tag === 'em' || tag === 'i') cursief = Math.max(0, cursief - 1);
    }
  }
  sluitBlok();
  return paragrafen;
}

export interface Briefhoofd {
  naam: string;
  regels: string[];
  logoPng: Buffer | null;
}

const CM = 567; // twips

/** A Word document: A4, 2.5 cm margins, the organisation's letterhead in the header, page numbers in the footer. */
export async function createDocx(html: string, meta: { titel: string; auteur: string; organisatie: string; briefhoofd: Briefhoofd }): Promise<Buffer> {
  const { briefhoofd } = meta;
  // The logo sits in a paragraph of its own with single spacing, so no line height can clip it.
  const enkel = { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } };
  const kop: Paragraph[] = [
    ...(briefhoofd.logoPng
      ? [
          new Paragraph({
            ...enkel,
            alignment: AlignmentType.RIGHT,
            // The document's only drawing: its id is fixed, not the docx library's process-wide counter, so that a
            // filing's bytes do not depend on how many documents were rendered before, for any organisation (issue 28.2).
            children: [new ImageRun({ type: 'png', data: briefhoofd.logoPng, transformation: { width: 180, height: 48 }, altText: { id: '1' } })],
          }),
        ]
      : []),
    new Paragraph({
      ...enkel,
      alignment: AlignmentType.RIGHT,
      children: [
        new TextRun({ text: decodeerTekst(briefhoofd.naam), bold: true, size: 20, color: '1F3A5F' }),
        ...briefhoofd.regels.flatMap((r) => [new TextRun({ break: 1 }), new TextRun({ text: decodeerTekst(r), size: 16, color: '5A6472' })]),
      ],
    }),
  ];
  const document = new Document({
    creator: decodeerTekst(meta.auteur),
    lastModifiedBy: decodeerTekst(meta.auteur),
    title: decodeerTekst(meta.titel),
    // House style: black headings (never Word's blue), Dutch as the language of every run.
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: 'nl-NL' } }, paragraph: { spacing: { after: 140, line: 288 } } },
        heading1: { run: { font: 'Calibri', size: 32, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 240 } } },
        heading2: { run: { font: 'Calibri', size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 100 } } },
        // The styles the filings do not use are black too: a lawyer who applies one in Word gets the house style (issue 29.8).
        heading3: { run: { font: 'Calibri', size: 22, bold: true, color: '000000' } },
        heading4: { run: { font: 'Calibri', size: 22, bold: true, italics: true, color: '000000' } },
        heading5: { run: { font: 'Calibri', size: 22, color: '000000' } },
        heading6: { run: { font: 'Calibri', size: 22, italics: true, color: '000000' } },
        title: { run: { font: 'Calibri', size: 40, bold: true, color: '000000' } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'genummerd',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 567 } } },
            },
          ],
        },
        {
          reference: 'letters',
          levels: [
            {
              level: 0,
              format: LevelFormat.LOWER_LETTER,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 567 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(4.2 * CM),
              bottom: Math.round(2.5 * CM),
              left: Math.round(2.5 * CM),
              right: Math.round(2.5 * CM),
              header: Math.round(1.0 * CM),
              footer: Math.round(1.0 * CM),
            },
          },
        },
        headers: { default: new Header({ children: kop }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES], size: 16, color: '5A6472' })],
              }),
            ],
          }),
        },
        children: htmlNaarParagrafen(html),
      },
    ],
  });
  // The properties docx cannot set itself: the organisation (Company, app.xml) and the language (dc:language, core.xml).
  const nu = new Date().toISOString();
  const core =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlTekst(decodeerTekst(meta.titel))}</dc:title><dc:creator>${xmlTekst(decodeerTekst(meta.auteur))}</dc:creator><cp:lastModifiedBy>${xmlTekst(decodeerTekst(meta.auteur))}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${nu}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${nu}</dcterms:modified><dc:language>nl-NL</dc:language></cp:coreProperties>`;
  const app =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Company>${xmlTekst(decodeerTekst(meta.organisatie))}</Company></Properties>`;
  return Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: core },
    { path: 'docProps/app.xml', data: app },
  ]);
}

const xmlTekst = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
