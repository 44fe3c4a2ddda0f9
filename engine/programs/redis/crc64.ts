/**
 * CRC-64/Jones (reflected, polynomial 0xad93d23594c935a9, init 0, no final xor): the checksum Redis appends to an
 * RDB file (crc64.c). Check value: crc64("123456789") = 0xe9c6d914c4b8d9ca.
 */
const POLY = 0x95ac9329ac4bc9b5n; // the polynomial bit-reversed, for the reflected algorithm
const MASK = 0xffffffffffffffffn;

let table: bigint[] | undefined;

function makeTable(): bigint[] {
  const t: bigint[] = [];
  for (let i = 0n; i < 256n; i++) {
    let crc = i;
    for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ POLY : crc >> 1n;
    t.push(crc);
  }
  return t;
}

export function crc64(bytes: Uint8Array, crc = 0n): bigint {
  table ??= makeTable();
  for (const b of bytes) crc = (table[Number((crc ^ BigInt(b)) & 0xffn)]! ^ (crc >> 8n)) & MASK;
  return crc;
}
