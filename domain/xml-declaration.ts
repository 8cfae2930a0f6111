/** The encoding an XML declaration names (`<?xml … encoding="ISO-8859-15"?>`), read from the ASCII-compatible head of a file. */
export function declaredXmlEncoding(head: string): string | undefined {
  return /^\s*<\?xml\s[^?]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}
