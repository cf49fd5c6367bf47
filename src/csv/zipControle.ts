import { inflateRawSync } from 'node:zlib';

export type ZipUitkomst = { ok: true; uitgepakt: number } | { ok: false; reden: 'te-groot' | 'onleesbaar' };

const MAX_ONDERDELEN = 10_000;

/**
 * Checks a zip (an .xlsx is one) before a library unpacks it: first the sizes its central directory declares, then
 * each part is inflated with a hard cap on what it may still produce, so a zip bomb — also one whose directory lies —
 * stops at `maxBytes` of output. Zip64 and methods other than stored and deflate are refused as unreadable.
 */
export function checkZipUitgepakt(bytes: Uint8Array, maxBytes: number): ZipUitkomst {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEindeCentraleMap(buf);
  if (eocd < 0) return { ok: false, reden: 'onleesbaar' };
  const aantal = buf.readUInt16LE(eocd + 10);
  const mapGrootte = buf.readUInt32LE(eocd + 12);
  const mapBegin = buf.readUInt32LE(eocd + 16);
  if (aantal === 0xffff || mapBegin === 0xffffffff || aantal > MAX_ONDERDELEN || mapBegin + mapGrootte > buf.length) return { ok: false, reden: 'onleesbaar' };

  const onderdelen: { methode: number; gepakt: number; uitgepakt: number; lokaal: number }[] = [];
  let opgegeven = 0;
  let p = mapBegin;
  for (let i = 0; i < aantal; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return { ok: false, reden: 'onleesbaar' };
    const onderdeel = {
      methode: buf.readUInt16LE(p + 10),
      gepakt: buf.readUInt32LE(p + 20),
      uitgepakt: buf.readUInt32LE(p + 24),
      lokaal: buf.readUInt32LE(p + 42),
    };
    if (onderdeel.gepakt === 0xffffffff || onderdeel.uitgepakt === 0xffffffff || onderdeel.lokaal === 0xffffffff) return { ok: false, reden: 'onleesbaar' };
    opgegeven += onderdeel.uitgepakt;
    // What the directory declares is checked before a single byte is inflated.
    if (opgegeven > maxBytes) return { ok: false, reden: 'te-groot' };
    onderdelen.push(onderdeel);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }

  let uitgepakt = 0;
  for (const o of onderdelen) {
    if (o.lokaal + 30 > buf.length || buf.readUInt32LE(o.lokaal) !== 0x04034b50) return { ok: false, reden: 'onleesbaar' };
    const begin = o.lokaal + 30 + buf.readUInt16LE(o.lokaal + 26) + buf.readUInt16LE(o.lokaal + 28);
    if (begin + o.gepakt > buf.length) return { ok: false, reden: 'onleesbaar' };
    const gegevens = buf.subarray(begin, begin + o.gepakt);
    const ruimte = maxBytes - uitgepakt;
    let lengte: number;
    if (o.methode === 0) lengte = gegevens.length;
    else if (o.methode === 8) {
      try {
        // The cap holds while inflating: zlib stops with a RangeError at one byte past what may still come out.
        lengte = inflateRawSync(gegevens, { maxOutputLength: Math.max(1, ruimte + 1) }).length;
      } catch (e) {
        if (e instanceof RangeError) return { ok: false, reden: 'te-groot' };
        return { ok: false, reden: 'onleesbaar' };
      }
    } else return { ok: false, reden: 'onleesbaar' };
    uitgepakt += lengte;
    if (uitgepakt > maxBytes) return { ok: false, reden: 'te-groot' };
    if (lengte !== o.uitgepakt) return { ok: false, reden: 'onleesbaar' };
  }
  return { ok: true, uitgepakt };
}

/** The end-of-central-directory record: searched backwards over at most the largest comment (65,535 bytes). */
function findEindeCentraleMap(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
