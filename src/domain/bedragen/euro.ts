/** Amounts are integer euro cents everywhere; these convert to and from the Dutch notation "€ 1.234.567,89". */

export function formatEuro(centen: number): string {
  const negatief = centen < 0;
  const abs = Math.abs(centen);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = String(abs % 100).padStart(2, '0');
  return `${negatief ? '-' : ''}€ ${euros},${rest}`;
}

/**
 * Parses "€ 1.234.567,89", "1234567,89", "1234567.89" or "1234567" into cents; null when it is not an amount.
 * A single separator followed by exactly three digits is read as a thousands separator ("1.234" = 1234 euro).
 */
export function parseEuroBedrag(tekst: string): number | null {
  const schoon = tekst.replace(/€|\s|\u00a0/g, '');
  if (!/^\d[\d.,]*$/.test(schoon)) return null;
  const laatsteScheiding = Math.max(schoon.lastIndexOf(','), schoon.lastIndexOf('.'));
  let euros: string;
  let centen = '00';
  const decimalen = laatsteScheiding >= 0 ? schoon.slice(laatsteScheiding + 1) : '';
  if (laatsteScheiding >= 0 && decimalen.length <= 2 && decimalen.length > 0) {
    euros = schoon.slice(0, laatsteScheiding);
    centen = decimalen.padEnd(2, '0');
  } else {
    euros = schoon;
  }
  const scheidingen = euros.match(/[.,]/g) ?? [];
  if (new Set(scheidingen).size > 1) return null;
  if (scheidingen.length > 0 && !/^\d{1,3}([.,]\d{3})+$/.test(euros)) return null;
  const geheel = Number(euros.replace(/[.,]/g, ''));
  if (!Number.isSafeInteger(geheel * 100 + Number(centen))) return null;
  return geheel * 100 + Number(centen);
}
