import type { RandomAccess } from './random-access';

export const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const DIR_ENTRY = 128;
/** Guards against cyclic chains in hostile files: far more sectors than a 10 MiB file has. */
const MAX_STEPS = 1 << 20;

/**
 * Names of the entries in an OLE2 (Compound File Binary, MS-CFB) directory, or null when the file
 * is not a well-formed compound file. Only the FAT (through the header DIFAT and the DIFAT chain)
 * and the directory chain are read.
 */
export async function ole2EntryNames(ra: RandomAccess): Promise<string[] | null> {
  if (ra.size < 512) return null;
  const h = await ra.read(0, 512);
  if (!h.subarray(0, 8).equals(OLE2_MAGIC) || h.readUInt16LE(0x1c) !== 0xfffe) return null;
  const shift = h.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.ceil((ra.size - sectorSize) / sectorSize);
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  const valid = (sector: number) => sector <= MAX_REGULAR_SECTOR && sector < sectorCount;

  const fatSectorCount = h.readUInt32LE(0x2c);
  const firstDir = h.readUInt32LE(0x30);
  let difatSector = h.readUInt32LE(0x44);
  const difatCount = h.readUInt32LE(0x48);
  if (fatSectorCount > sectorCount || difatCount > sectorCount) return null;

  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++) fatSectors.push(h.readUInt32LE(0x4c + i * 4));
  for (let d = 0; d < difatCount && fatSectors.length < fatSectorCount; d++) {
    if (!valid(difatSector)) return null;
    const s = await ra.read(offsetOf(difatSector), sectorSize);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatSectorCount; i++) fatSectors.push(s.readUInt32LE(i * 4));
    difatSector = s.readUInt32LE(perSector * 4);
  }
  if (fatSectors.length < fatSectorCount || !fatSectors.every(valid)) return null;

  const fat: number[] = [];
  for (const sector of fatSectors) {
    const s = await ra.read(offsetOf(sector), sectorSize);
    for (let i = 0; i + 4 <= s.length; i += 4) fat.push(s.readUInt32LE(i));
  }

  const names: string[] = [];
  let sector = firstDir;
  for (let steps = 0; sector !== END_OF_CHAIN; steps++) {
    if (!valid(sector) || steps > MAX_STEPS || steps > sectorCount) return null;
    const s = await ra.read(offsetOf(sector), sectorSize);
    for (let e = 0; e + DIR_ENTRY <= s.length; e += DIR_ENTRY) {
      const type = s[e + 0x42];
      const nameBytes = s.readUInt16LE(e + 0x40);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(s.toString('utf16le', e, e + nameBytes - 2));
    }
    sector = fat[sector] ?? END_OF_CHAIN - 1;
  }
  return names;
}
