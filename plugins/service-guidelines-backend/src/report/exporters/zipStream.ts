import { pipeline, Readable } from 'node:stream';
import { constants, crc32, createDeflateRaw } from 'node:zlib';

/** A file to put in a ZIP archive, its content produced a chunk at a time. */
export interface ZipEntry {
  name: string;
  content: () => AsyncIterable<string | Buffer>;
}

interface Written {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

// General purpose flags: bit 3 (sizes and CRC follow the data), bit 11 (names are UTF-8).
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time:
      (date.getUTCHours() << 11) |
      (date.getUTCMinutes() << 5) |
      Math.floor(date.getUTCSeconds() / 2),
    date:
      ((date.getUTCFullYear() - 1980) << 9) |
      ((date.getUTCMonth() + 1) << 5) |
      date.getUTCDate(),
  };
}

/** The entry's content as buffers, counting its CRC-32 and size on the way. */
async function* counted(
  entry: ZipEntry,
  counter: { crc: number; size: number },
): AsyncGenerator<Buffer> {
  for await (const chunk of entry.content()) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    counter.crc = crc32(buffer, counter.crc);
    counter.size += buffer.length;
    yield buffer;
  }
}

/**
 * A ZIP archive written as a stream: each entry is deflated while it is produced and followed by
 * a data descriptor, so that neither the archive nor an entry is ever held in memory. Consumed
 * through an async iterator, it respects the reader's backpressure: nothing more is produced
 * until the last chunk has been taken. (XLSX files are ZIP archives of XML.)
 */
export async function* zipStream(
  entries: Iterable<ZipEntry>,
  modified: Date,
): AsyncGenerator<Buffer> {
  const stamp = dosDateTime(modified);
  const written: Written[] = [];
  let offset = 0;

  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(stamp.time, 10);
    header.writeUInt16LE(stamp.date, 12);
    // CRC and sizes are 0 here and given in the data descriptor after the data.
    header.writeUInt16LE(name.length, 26);
    const start = offset;
    yield Buffer.concat([header, name]);
    offset += header.length + name.length;

    const counter = { crc: 0, size: 0 };
    const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED });
    // pipeline() moves the entry's chunks into the deflater as fast as its output is read here,
    // and ties the two together: an entry that fails fails the deflater (and so this archive),
    // and a deflater destroyed because the archive's reader stopped closes the entry's content
    // (a database cursor) instead of leaving it suspended. Errors surface in the loop below.
    pipeline(Readable.from(counted(entry, counter)), deflate, () => {});
    let compressedSize = 0;
    for await (const out of deflate) {
      compressedSize += (out as Buffer).length;
      yield out as Buffer;
    }
    offset += compressedSize;

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(counter.crc >>> 0, 4);
    descriptor.writeUInt32LE(compressedSize, 8);
    descriptor.writeUInt32LE(counter.size, 12);
    yield descriptor;
    offset += descriptor.length;
    written.push({
      name,
      crc: counter.crc,
      compressedSize,
      size: counter.size,
      offset: start,
    });
  }

  const directoryStart = offset;
  let directorySize = 0;
  for (const file of written) {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(VERSION, 4);
    record.writeUInt16LE(VERSION, 6);
    record.writeUInt16LE(FLAGS, 8);
    record.writeUInt16LE(DEFLATE, 10);
    record.writeUInt16LE(stamp.time, 12);
    record.writeUInt16LE(stamp.date, 14);
    record.writeUInt32LE(file.crc >>> 0, 16);
    record.writeUInt32LE(file.compressedSize, 20);
    record.writeUInt32LE(file.size, 24);
    record.writeUInt16LE(file.name.length, 28);
    record.writeUInt32LE(file.offset, 42);
    yield Buffer.concat([record, file.name]);
    directorySize += record.length + file.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryStart, 16);
  yield end;
}
