import ExcelJS from 'exceljs';

/** The cell values of an .xlsx's first sheet, read back with exceljs (dates as ISO dates): comparable, unlike its bytes. */
export async function readXlsxWaarden(bytes: Uint8Array): Promise<unknown[][]> {
  const werkmap = new ExcelJS.Workbook();
  await werkmap.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rijen: unknown[][] = [];
  werkmap.worksheets[0]!.eachRow({ includeEmpty: true }, (rij) => {
    rijen.push((rij.values as unknown[]).slice(1).map((w) => (w instanceof Date ? w.toISOString().slice(0, 10) : w)));
  });
  return rijen;
}

export async function loadWerkblad(bytes: Uint8Array) {
  const werkmap = new ExcelJS.Workbook();
  await werkmap.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return werkmap.worksheets[0]!;
}
