/**
 * Thrift's compact protocol, as Parquet writes its footer, read into a tree that keeps every field's id and wire
 * type, and written back from it. Nothing is interpreted, so a field this code has never heard of (a newer writer's
 * statistics, a bloom filter's length) survives the round trip byte for byte; the caller changes only the integer
 * fields it knows (concat-parquet.ts). Maps are not part of Parquet's footer and are refused.
 */

export const T = { TRUE: 1, FALSE: 2, BYTE: 3, I16: 4, I32: 5, I64: 6, DOUBLE: 7, BINARY: 8, LIST: 9, SET: 10, MAP: 11, STRUCT: 12 } as const;

export type TValue = bigint | boolean | Uint8Array | TList | TStruct;
export interface TField {
  id: number;
  type: number;
  value: TValue;
}
export interface TStruct {
  fields: TField[];
}
export interface TList {
  /** LIST or SET. */
  kind: number;
  elementType: number;
  items: TValue[];
}

class Reader {
  pos = 0;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  byte(): number {
    if (this.pos >= this.bytes.length) throw new Error('thrift: the data ends inside a value');
    return this.bytes[this.pos++]!;
  }

  varint(): bigint {
    let out = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const b = this.byte();
      out |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return out;
      if (shift > 63n) throw new Error('thrift: a varint longer than 10 bytes');
    }
  }

  zigzag(): bigint {
    const n = this.varint();
    return (n >> 1n) ^ -(n & 1n);
  }

  take(n: number): Uint8Array {
    if (this.pos + n > this.bytes.length) throw new Error('thrift: the data ends inside a value');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

function readValue(r: Reader, type: number, inCollection: boolean): TValue {
  switch (type) {
    case T.TRUE:
    case T.FALSE:
      // In a struct the field's type carries the value; in a collection each element is a byte of its own.
      return inCollection ? r.byte() === T.TRUE : type === T.TRUE;
    case T.BYTE:
      return BigInt.asIntN(8, BigInt(r.byte()));
    case T.I16:
    case T.I32:
    case T.I64:
      return r.zigzag();
    case T.DOUBLE:
      return r.take(8);
    case T.BINARY:
      return r.take(Number(r.varint()));
    case T.LIST:
    case T.SET: {
      const head = r.byte();
      const size = head >> 4 === 15 ? Number(r.varint()) : head >> 4;
      const elementType = head & 0x0f;
      const items: TValue[] = [];
      for (let i = 0; i < size; i++) items.push(readValue(r, elementType, true));
      return { kind: type, elementType, items };
    }
    case T.STRUCT:
      return readStructBody(r);
    default:
      throw new Error(`thrift: wire type ${type} is not read here`);
  }
}

function readStructBody(r: Reader): TStruct {
  const fields: TField[] = [];
  let last = 0;
  for (;;) {
    const head = r.byte();
    if (head === 0) return { fields };
    const type = head & 0x0f;
    const delta = head >> 4;
    const id = delta === 0 ? Number(r.zigzag()) : last + delta;
    // A boolean field's value is its type; the tree keeps TRUE as the type so it writes back the same way.
    fields.push({ id, type: type === T.FALSE ? T.TRUE : type, value: readValue(r, type, false) });
    last = id;
  }
}

/** The struct at the start of `bytes`, and how many bytes it took. */
export function readStruct(bytes: Uint8Array): { struct: TStruct; length: number } {
  const r = new Reader(bytes);
  const struct = readStructBody(r);
  return { struct, length: r.pos };
}

class Writer {
  private chunks: number[] = [];
  private parts: Uint8Array[] = [];

  byte(b: number): void {
    this.chunks.push(b & 0xff);
  }

  varint(n: bigint): void {
    let v = BigInt.asUintN(64, n);
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.byte(Number(v));
  }

  zigzag(n: bigint): void {
    this.varint((n << 1n) ^ (n >> 63n));
  }

  bytes(b: Uint8Array): void {
    this.flush();
    this.parts.push(b);
  }

  private flush(): void {
    if (this.chunks.length > 0) this.parts.push(Uint8Array.from(this.chunks));
    this.chunks = [];
  }

  done(): Uint8Array {
    this.flush();
    return Buffer.concat(this.parts);
  }
}

function writeValue(w: Writer, type: number, value: TValue, inCollection: boolean): void {
  switch (type) {
    case T.TRUE:
    case T.FALSE:
      if (inCollection) w.byte(value ? T.TRUE : T.FALSE);
      return;
    case T.BYTE:
      return w.byte(Number(BigInt.asUintN(8, value as bigint)));
    case T.I16:
    case T.I32:
    case T.I64:
      return w.zigzag(value as bigint);
    case T.DOUBLE:
      return w.bytes(value as Uint8Array);
    case T.BINARY: {
      const b = value as Uint8Array;
      w.varint(BigInt(b.length));
      return w.bytes(b);
    }
    case T.LIST:
    case T.SET: {
      const list = value as TList;
      const n = list.items.length;
      if (n < 15) w.byte((n << 4) | list.elementType);
      else {
        w.byte(0xf0 | list.elementType);
        w.varint(BigInt(n));
      }
      for (const item of list.items) writeValue(w, list.elementType, item, true);
      return;
    }
    case T.STRUCT:
      return writeStructBody(w, value as TStruct);
    default:
      throw new Error(`thrift: wire type ${type} is not written here`);
  }
}

function writeStructBody(w: Writer, s: TStruct): void {
  let last = 0;
  for (const f of s.fields) {
    const type = f.type === T.TRUE ? (f.value ? T.TRUE : T.FALSE) : f.type;
    const delta = f.id - last;
    if (delta > 0 && delta <= 15) w.byte((delta << 4) | type);
    else {
      w.byte(type);
      w.zigzag(BigInt(f.id));
    }
    writeValue(w, type, f.value, false);
    last = f.id;
  }
  w.byte(0);
}

export function writeStruct(s: TStruct): Uint8Array {
  const w = new Writer();
  writeStructBody(w, s);
  return w.done();
}

/** The field with this id, if the struct has it. */
export function field(s: TStruct, id: number): TField | undefined {
  return s.fields.find((f) => f.id === id);
}
