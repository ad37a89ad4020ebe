/**
 * A webhook body exactly as received. The bytes sit in a private field: the app's input hygiene
 * walks a body's enumerable properties, and a Buffer would be walked byte by byte.
 */
export class RawBody {
  readonly #bytes: Buffer;

  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  get bytes(): Buffer {
    return this.#bytes;
  }
}
