import type { IsoDatum } from './kalenderdatum';

/**
 * Easter Sunday in the Gregorian calendar (anonymous Gregorian computus, Meeus/Jones/Butcher).
 * Art. 3 Atw fixes tweede Paasdag, Hemelvaartsdag and tweede Pinksterdag relative to it.
 */
export function computePaaszondag(jaar: number): IsoDatum {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}
