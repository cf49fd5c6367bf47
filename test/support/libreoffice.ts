import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Opens a .docx in LibreOffice (headless), converts it to PDF and returns the PDF's text. */
export async function docxNaarPdfTekst(docx: Buffer, naam = 'stuk'): Promise<{ pdf: string; tekst: string }> {
  const map = mkdtempSync(join(tmpdir(), 'lo-'));
  const bestand = join(map, `${naam}.docx`);
  writeFileSync(bestand, docx);
  // Its own profile per call, so parallel test files never share a LibreOffice instance.
  await exec('soffice', [`-env:UserInstallation=file://${map}/profiel`, '--headless', '--convert-to', 'pdf', '--outdir', map, bestand], { timeout: 120_000 });
  const pdf = join(map, `${naam}.pdf`);
  const { stdout } = await exec('pdftotext', ['-layout', pdf, '-']);
  return { pdf, tekst: stdout };
}

/**
 * Opens an .xlsx in LibreOffice Calc (headless) and saves its first sheet as CSV in UTF-8 (filter options: ';', '"',
 * 76 = UTF-8, cells as shown): what a user sees in the cells, formats applied.
 */
export async function xlsxNaarCsvTekst(xlsx: Uint8Array, naam = 'lijst'): Promise<string> {
  const map = mkdtempSync(join(tmpdir(), 'lo-'));
  const bestand = join(map, `${naam}.xlsx`);
  writeFileSync(bestand, xlsx);
  await exec(
    'soffice',
    [`-env:UserInstallation=file://${map}/profiel`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1', '--outdir', map, bestand],
    { timeout: 120_000 },
  );
  return readFileSync(join(map, `${naam}.csv`), 'utf8');
}
