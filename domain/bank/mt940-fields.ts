/**
 * MT940/MT942 text → fields (":61:" + its lines), each with the line it starts on. SWIFT block
 * wrappers ({1:...}{2:...}{4: ... -}{5:...}) and the SOH/ETX bytes some banks put around each
 * message are dropped; a line that does not start with a known tag continues the field before it
 * (":86:" texts wrap anywhere, even before a time like "13:12:11" that looks like a tag).
 */
export interface Mt940Field {
  tag: string;
  /** The field's lines, the first without its tag. */
  lines: string[];
  line: number;
}

/** One message: the fields between a header block (or the file start) and its "-" terminator. */
export interface Mt940Message {
  fields: Mt940Field[];
  /** The SWIFT message type its header names ({2:I940...} or a line ":940:"), when it names one. */
  type?: { code: string; line: number };
}

const KNOWN_TAGS = new Set(['13', '13D', '20', '21', '25', '25P', '28', '28C', '34F', '60F', '60M', '61', '62F', '62M', '64', '65', '86', '90C', '90D', 'NS']);

export function splitMt940(text: string): { messages: Mt940Message[]; stray?: { line: number; text: string } } {
  const messages: Mt940Message[] = [];
  let message: Mt940Message = { fields: [] };
  let inHeader = false;
  const endMessage = () => {
    if (message.fields.length) messages.push(message);
    message = { fields: [] };
  };
  const lines = text.replace(/[\x01\x03]/g, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    // The header blocks {1:}{2:}{3:} may stand on one line with {4: or be split over several.
    if (/^\{1:/.test(line)) {
      endMessage();
      inHeader = true;
    }
    if (inHeader) {
      const type = /\{2:[IO](\d{3})/.exec(line);
      if (type) message.type = { code: type[1], line: i + 1 };
      const body = line.indexOf('{4:');
      if (body < 0) continue;
      inHeader = false;
      line = line.slice(body + 3);
      if (!line) continue;
    }
    if (/^-(\}|\s*$)/.test(line)) {
      endMessage();
      continue;
    }
    // Trailer blocks ({5:{CHK:...}}, {S:...}) may follow the body's "-}" on a line of their own.
    if (/^\{[5S]:/.test(line) && !message.fields.length) continue;
    // Some banks open each message with its type alone on a line (":940:").
    const typeLine = /^:(\d{3}):\s*$/.exec(line);
    if (typeLine && !message.fields.length) {
      message.type = { code: typeLine[1], line: i + 1 };
      continue;
    }
    const tag = /^:([0-9]{2}[A-Z]?|NS):/.exec(line);
    if (tag && KNOWN_TAGS.has(tag[1])) {
      message.fields.push({ tag: tag[1], lines: [line.slice(tag[0].length)], line: i + 1 });
      continue;
    }
    const current = message.fields[message.fields.length - 1];
    if (current) current.lines.push(line);
    else if (line.trim()) return { messages, stray: { line: i + 1, text: line } };
  }
  endMessage();
  return { messages };
}

/** The SWIFT tags standing at the start of a line, known to the statement reader or not. */
export function tagsAtLineStart(text: string): Set<string> {
  return new Set([...text.matchAll(/(?:^|\{4:)\x01?:(\d{2}[A-Z]?):/gm)].map((m) => m[1]));
}
