// An mbox is messages one after another, each opened by a line starting "From " (mboxrd/mboxo:
// a body line that starts so is quoted as ">From "). The split is on bytes, so no encoding is
// guessed here; each message is parsed on its own.
const FROM = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "

function startsFromAt(bytes: Uint8Array, at: number): boolean {
  return FROM.every((b, k) => bytes[at + k] === b);
}

/** The messages of an mbox, each without its "From " envelope line. */
export function splitMbox(bytes: Uint8Array): Uint8Array[] {
  const starts: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if ((i === 0 || bytes[i - 1] === 0x0a) && startsFromAt(bytes, i)) starts.push(i);
  }
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? bytes.length;
    const eol = bytes.indexOf(0x0a, start);
    const bodyStart = eol === -1 || eol > end ? end : eol + 1;
    return bytes.subarray(bodyStart, end);
  });
}
