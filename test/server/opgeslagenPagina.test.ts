import { describe, expect, it } from 'vitest';
import { createPaginaOpslag, storePagina } from '../../src/web/opgeslagenPagina';

describe('kept pages per computed result', () => {
  it('keeps each page per result and key, at most `max` per result, the least recently used out first', () => {
    const opslag = createPaginaOpslag(2);
    const [eerste, tweede] = [{}, {}];
    let gemaakt = 0;
    const vraag = (resultaat: object, sleutel: string) =>
      opslag(resultaat, sleutel, () => {
        gemaakt += 1;
        return storePagina(`${sleutel} ${gemaakt}`);
      });
    const a = vraag(eerste, 'a');
    expect(vraag(eerste, 'a')).toBe(a);
    // Another result (another data revision or organisation) never gets the first one's page.
    expect(vraag(tweede, 'a')).not.toBe(a);
    expect(gemaakt).toBe(2);
    vraag(eerste, 'b');
    expect(vraag(eerste, 'a')).toBe(a); // a used last: b goes when c comes
    vraag(eerste, 'c');
    expect(vraag(eerste, 'a')).toBe(a);
    expect(gemaakt).toBe(4);
    vraag(eerste, 'b');
    expect(gemaakt).toBe(5);
    expect(new TextDecoder().decode(vraag(eerste, 'b').bytes)).toBe('b 5');
  });
});
