/**
 * CRC32 (the zip / MAME `CRC()` polynomial, 0xedb88320 reflected) and SHA-1 (FIPS 180-4), in plain
 * TypeScript so the audit also runs in a browser Web Worker, where node:crypto does not exist and
 * WebCrypto's digest is async. ROM sets are small (Pac-Man is 25 KB), so speed is not a concern here,
 * but both loops stay allocation-free per block.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC32 of `bytes` as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 8 lowercase hex digits, the form manifests and MAME use. */
export function crcHex(crc: number): string {
  return (crc >>> 0).toString(16).padStart(8, '0');
}

/** SHA-1 of `bytes` as 40 lowercase hex digits. */
export function sha1Hex(bytes: Uint8Array): string {
  let h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0;
  const len = bytes.length;
  // Message + 0x80 + zero padding + 64-bit big-endian bit length, rounded up to 64-byte blocks.
  const blocks = Math.ceil((len + 9) / 64);
  const tail = new Uint8Array(128);
  const fullBlocks = Math.floor(len / 64);
  const rest = len - fullBlocks * 64;
  tail.set(bytes.subarray(fullBlocks * 64));
  tail[rest] = 0x80;
  const tailLen = (blocks - fullBlocks) * 64;
  const bitsHi = Math.floor(len / 0x20000000); // len * 8 / 2^32
  const bitsLo = (len * 8) >>> 0;
  const lp = tailLen - 8;
  tail[lp] = bitsHi >>> 24; tail[lp + 1] = bitsHi >>> 16; tail[lp + 2] = bitsHi >>> 8; tail[lp + 3] = bitsHi;
  tail[lp + 4] = bitsLo >>> 24; tail[lp + 5] = bitsLo >>> 16; tail[lp + 6] = bitsLo >>> 8; tail[lp + 7] = bitsLo;

  const w = new Int32Array(80);
  for (let b = 0; b < blocks; b++) {
    const src = b < fullBlocks ? bytes : tail;
    const base = b < fullBlocks ? b * 64 : (b - fullBlocks) * 64;
    for (let i = 0; i < 16; i++) {
      const p = base + i * 4;
      w[i] = (src[p] << 24) | (src[p + 1] << 16) | (src[p + 2] << 8) | src[p + 3];
    }
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0, bb = h1, c = h2, d = h3, e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number, k: number;
      if (i < 20) { f = (bb & c) | (~bb & d); k = 0x5a827999; }
      else if (i < 40) { f = bb ^ c ^ d; k = 0x6ed9eba1; }
      else if (i < 60) { f = (bb & c) | (bb & d) | (c & d); k = 0x8f1bbcdc; }
      else { f = bb ^ c ^ d; k = 0xca62c1d6; }
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) | 0;
      e = d; d = c; c = (bb << 30) | (bb >>> 2); bb = a; a = t;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + bb) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0; h4 = (h4 + e) | 0;
  }
  let out = '';
  for (const h of [h0, h1, h2, h3, h4]) out += (h >>> 0).toString(16).padStart(8, '0');
  return out;
}
