/**
 * The small part of CBOR (RFC 8949) Pagefind's index files use: unsigned and negative
 * integers, byte and text strings, arrays, maps, and the simple values false/true/null —
 * definite lengths, shortest encodings (what Rust's minicbor writes). `decode(encode(x))` is
 * `x` and `encode(decode(bytes))` is `bytes` for such files; normalise.ts checks the second.
 */
export type Cbor = number | bigint | string | Uint8Array | Cbor[] | Map<Cbor, Cbor> | boolean | null;

export function decode(bytes: Uint8Array): Cbor {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes[at++]!;
    if (info === 25) return (at += 2), view.getUint16(at - 2);
    if (info === 26) return (at += 4), view.getUint32(at - 4);
    if (info === 27) {
      at += 8;
      const big = view.getBigUint64(at - 8);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('CBOR: integer too large');
      return Number(big);
    }
    throw new Error(`CBOR: unsupported length encoding ${info} at byte ${at - 1}`);
  };
  const item = (): Cbor => {
    const head = bytes[at++];
    if (head === undefined) throw new Error('CBOR: unexpected end');
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2: {
        const n = length(info);
        at += n;
        return bytes.slice(at - n, at);
      }
      case 3: {
        const n = length(info);
        at += n;
        return new TextDecoder().decode(bytes.subarray(at - n, at));
      }
      case 4: {
        const n = length(info);
        const out: Cbor[] = [];
        for (let i = 0; i < n; i++) out.push(item());
        return out;
      }
      case 5: {
        const n = length(info);
        const out = new Map<Cbor, Cbor>();
        for (let i = 0; i < n; i++) out.set(item(), item());
        return out;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        throw new Error(`CBOR: unsupported simple value ${info}`);
      default:
        throw new Error(`CBOR: unsupported major type ${major}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes after the value`);
  return value;
}

export function encode(value: Cbor): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    if (n < 24) out.push((major << 5) | n);
    else if (n < 0x100) out.push((major << 5) | 24, n);
    else if (n < 0x10000) out.push((major << 5) | 25, n >> 8, n & 0xff);
    else if (n < 0x100000000) out.push((major << 5) | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    else {
      const big = BigInt(n);
      out.push((major << 5) | 27);
      for (let s = 56n; s >= 0n; s -= 8n) out.push(Number((big >> s) & 0xffn));
    }
  };
  const item = (v: Cbor) => {
    if (v === false) out.push(0xf4);
    else if (v === true) out.push(0xf5);
    else if (v === null) out.push(0xf6);
    else if (typeof v === 'number') v >= 0 ? head(0, v) : head(1, -1 - v);
    else if (typeof v === 'bigint') throw new Error('CBOR: bigint not supported');
    else if (typeof v === 'string') {
      const b = new TextEncoder().encode(v);
      head(3, b.length);
      for (const x of b) out.push(x);
    } else if (v instanceof Uint8Array) {
      head(2, v.length);
      for (const x of v) out.push(x);
    } else if (Array.isArray(v)) {
      head(4, v.length);
      for (const x of v) item(x);
    } else {
      head(5, v.size);
      for (const [k, x] of v) {
        item(k);
        item(x);
      }
    }
  };
  item(value);
  return Uint8Array.from(out);
}
