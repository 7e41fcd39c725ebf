// Reads exact byte counts from a stream of chunks of any size (a file, a network body), keeping
// only what has not been read yet.

export class ByteReader {
  readonly #source: AsyncIterator<Uint8Array>;
  #pieces: Uint8Array[] = [];
  #buffered = 0;
  #ended = false;
  /** Bytes handed out so far: where in the file a problem is. */
  offset = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source[Symbol.asyncIterator]();
  }

  async #fill(wanted: number): Promise<void> {
    while (this.#buffered < wanted && !this.#ended) {
      const next = await this.#source.next();
      if (next.done) this.#ended = true;
      else if (next.value.length) {
        this.#pieces.push(next.value);
        this.#buffered += next.value.length;
      }
    }
  }

  /** Exactly `length` bytes, or fewer when the stream ends first. */
  async read(length: number): Promise<Uint8Array> {
    await this.#fill(length);
    const take = Math.min(length, this.#buffered);
    const first = this.#pieces[0];
    // Most reads fall inside one piece: a view, no copy.
    const inOnePiece = !!first && first.length >= take;
    const out = inOnePiece ? first.subarray(0, take) : new Uint8Array(take);
    let at = 0;
    while (at < take) {
      const piece = this.#pieces[0]!;
      const n = Math.min(piece.length, take - at);
      if (!inOnePiece) out.set(piece.subarray(0, n), at);
      at += n;
      if (n === piece.length) this.#pieces.shift();
      else this.#pieces[0] = piece.subarray(n);
    }
    this.#buffered -= take;
    this.offset += take;
    return out;
  }

  async atEnd(): Promise<boolean> {
    await this.#fill(1);
    return this.#buffered === 0;
  }
}
