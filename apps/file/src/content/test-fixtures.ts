/** Tiny but well-formed container files for the sniffing tests (built here, not checked in as binaries). */

/** A stored (uncompressed) ZIP with the given entries: local headers, central directory, end record. */
export function buildZip(entries: Record<string, string>, comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const n = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(n.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(n.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, n, data);
    centrals.push(ch, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const c = Buffer.from(comment, 'utf8');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(c.length, 20);
  return Buffer.concat([...locals, cd, eocd, c]);
}

/**
 * A minimal OLE2 compound file (512-byte sectors): header, one FAT sector, one directory sector
 * holding the root entry and the named streams (empty). `extraSectors` pads the file so the
 * directory can be placed after them (exercises following the FAT chain).
 */
export function buildOle2(streamNames: string[], extraSectors = 0): Buffer {
  const S = 512;
  const header = Buffer.alloc(S, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  const dirSector = 1 + extraSectors;
  header.writeUInt32LE(dirSector, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = Buffer.alloc(S, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT itself
  for (let i = 1; i <= extraSectors; i++) fat.writeUInt32LE(0xfffffffe, i * 4);
  fat.writeUInt32LE(0xfffffffe, dirSector * 4);
  const dir = Buffer.alloc(S, 0);
  ['Root Entry', ...streamNames].slice(0, 4).forEach((name, i) => {
    const e = i * 128;
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(dir, e);
    dir.writeUInt16LE(n.length, e + 0x40);
    dir[e + 0x42] = i === 0 ? 5 : 2;
    dir.writeUInt32LE(0xffffffff, e + 0x44);
    dir.writeUInt32LE(0xffffffff, e + 0x48);
    dir.writeUInt32LE(i === 0 && streamNames.length ? 1 : 0xffffffff, e + 0x4c);
  });
  const pad = Buffer.alloc(S * extraSectors, 0x41);
  return Buffer.concat([header, fat, pad, dir]);
}

/** The first bytes of real files of each signature kind. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
export const JPEG_BYTES = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '08'.repeat(64) + 'ffd9', 'hex');
