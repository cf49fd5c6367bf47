// TEXTS: a text written when first read — most of the engine's texts are never shown.

/** A text written when first read, then kept. */
export class LateTekst {
  private geschreven: string | undefined;
  constructor(private readonly schrijf: () => string) {}
  get tekst(): string {
    return (this.geschreven ??= this.schrijf());
  }
}
