/** The first attachment of a raw MIME message: its content type and decoded (base64) bytes. */
export function attachmentOf(raw: string): { contentType: string; content: Buffer } | undefined {
  const at = raw.indexOf('Content-Disposition: attachment');
  if (at < 0) return undefined;
  const partStart = raw.lastIndexOf('\n--', at);
  const bodyStart = raw.indexOf('\r\n\r\n', at);
  const headers = raw.slice(partStart, bodyStart);
  const body = raw.slice(bodyStart + 4, raw.indexOf('\r\n--', bodyStart));
  return { contentType: /Content-Type: ([^;\r\n]+)/.exec(headers)![1], content: Buffer.from(body.replace(/\r\n/g, ''), 'base64') };
}
