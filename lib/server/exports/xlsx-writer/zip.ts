import { deflateChunks } from './deflate-chunks';

// A streaming ZIP writer (PKWARE APPNOTE 6.3): each entry is a local header, its deflated data
// as it is produced, then a data descriptor with the CRC and sizes (general-purpose flag bit 3),
// so nothing is held back to learn a size first; the central directory closes the file.
//
// The data is deflated chunk by chunk (deflate-chunks.ts).
//
// No ZIP64: an entry or the archive past 4 GiB is refused (an error, not a corrupt file).

const LIMIT = 0xffffffff;

export type ZipEntry = { name: string; data: () => Iterable<string | Buffer> };

/** DOS date and time fields of a local time (the ZIP format has no zone). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: (Math.max(0, date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

type Written = { name: Buffer; crc: number; compressed: number; size: number; offset: number };

const FLAGS = 0x0808; // bit 3: sizes in a data descriptor; bit 11: names are UTF-8
const VERSION = 20; // 2.0: deflate

function localHeader(name: Buffer, stamp: { time: number; date: number }): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(8, 8); // deflate
  b.writeUInt16LE(stamp.time, 10);
  b.writeUInt16LE(stamp.date, 12);
  // CRC and sizes (14–25) stay 0: they follow the data, in the descriptor.
  b.writeUInt16LE(name.length, 26);
  return Buffer.concat([b, name]);
}

function dataDescriptor(e: Written): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(e.crc, 4);
  b.writeUInt32LE(e.compressed, 8);
  b.writeUInt32LE(e.size, 12);
  return b;
}

function centralDirectory(entries: Written[], stamp: { time: number; date: number }, offset: number): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const b = Buffer.alloc(46);
    b.writeUInt32LE(0x02014b50, 0);
    b.writeUInt16LE(VERSION, 4); // made by: MS-DOS/FAT attributes, 2.0
    b.writeUInt16LE(VERSION, 6);
    b.writeUInt16LE(FLAGS, 8);
    b.writeUInt16LE(8, 10);
    b.writeUInt16LE(stamp.time, 12);
    b.writeUInt16LE(stamp.date, 14);
    b.writeUInt32LE(e.crc, 16);
    b.writeUInt32LE(e.compressed, 20);
    b.writeUInt32LE(e.size, 24);
    b.writeUInt16LE(e.name.length, 28);
    // extra, comment, disk, internal and external attributes: 0
    b.writeUInt32LE(e.offset, 42);
    parts.push(b, e.name);
  }
  const directory = Buffer.concat(parts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([directory, end]);
}

/**
 * The archive's bytes, entry after entry. An entry's `data` is called when its turn comes (so a
 * later entry may describe what an earlier one wrote) and pulled one chunk at a time: the
 * generator only runs as far as its reader asks (backpressure), holding at most one chunk being
 * compressed and one being built. Returning the generator early ends the current entry's
 * iterator (its `finally` runs).
 */
export async function* zipStream(entries: ZipEntry[], modified = new Date()): AsyncGenerator<Buffer, void, undefined> {
  const stamp = dosDateTime(modified);
  const written: Written[] = [];
  let offset = 0;
  const check = (n: number) => {
    if (n > LIMIT) throw new Error('export too large for a ZIP file without ZIP64 (over 4 GiB)');
    return n;
  };
  for (const entry of entries) {
    const e: Written = { name: Buffer.from(entry.name, 'utf8'), crc: 0, compressed: 0, size: 0, offset };
    const header = localHeader(e.name, stamp);
    offset += header.length;
    yield header;
    const totals = { crc: 0, size: 0, compressed: 0 };
    for await (const out of deflateChunks(entry.data(), totals)) {
      check(totals.size);
      yield out;
    }
    Object.assign(e, { crc: totals.crc, size: check(totals.size), compressed: totals.compressed });
    const descriptor = dataDescriptor(e);
    offset = check(offset + e.compressed + descriptor.length);
    written.push(e);
    yield descriptor;
  }
  yield centralDirectory(written, stamp, offset);
}
