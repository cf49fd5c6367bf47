/** A text with its first letter a capital: the start of a sentence. */
export function hoofdletter(tekst: string): string {
  return tekst.charAt(0).toUpperCase() + tekst.slice(1);
}
