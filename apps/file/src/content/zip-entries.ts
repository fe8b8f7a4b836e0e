import type { RandomAccess } from './random-access';

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
/** End-of-central-directory record: 22 bytes plus a comment of at most 65535. */
const EOCD_MIN = 22;
const EOCD_SEARCH = EOCD_MIN + 0xffff;
const MAX_ENTRIES = 10_000;

/**
 * Names of the entries in a ZIP's central directory (read from the end of the file, as unzip
 * does), or null when the file is not a well-formed ZIP. ZIP64 archives are refused: a 10 MiB
 * Office document never needs them.
 */
export async function zipEntryNames(ra: RandomAccess): Promise<string[] | null> {
  if (ra.size < EOCD_MIN) return null;
  const tailStart = Math.max(0, ra.size - EOCD_SEARCH);
  const tail = await ra.read(tailStart, ra.size - tailStart);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + EOCD_MIN + tail.readUInt16LE(i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || count > MAX_ENTRIES) return null;
  if (cdOffset + cdSize > tailStart + eocd) return null;
  const cd = await ra.read(cdOffset, cdSize);
  const names: string[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH_SIG) return null;
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    if (p + 46 + nameLen > cd.length) return null;
    names.push(cd.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}
