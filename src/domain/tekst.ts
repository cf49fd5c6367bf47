/** A text with its first letter a capital: the start of a sentence. */
export function hoofdletter(tekst: string): string {
  return tekst.charAt(0).toUpperCase() + tekst.slice(1);
}

/** Items as Dutch lists them: "A", "A en B", "A, B of C". */
export function formatOpsomming(delen: readonly string[], voegwoord: 'en' | 'of'): string {
  return delen.length <= 1 ? (delen[0] ?? '') : `${delen.slice(0, -1).join(', ')} ${voegwoord} ${delen[delen.length - 1]}`;
}
