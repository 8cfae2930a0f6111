import express, { type Request } from 'express';
import { HttpError, parse } from './errors';
import { UploadQuery } from './schemas';

/** Files arrive as the raw request body (any content type, up to a bank's largest statement). */
export const rawFileBody = express.raw({ type: () => true, limit: '200mb' });

/** The file of an upload route, named by `?fileName=`; `what` says what kind of file is empty. */
export function uploadedFile(req: Request, what: string): { fileName: string; content: Buffer } {
  const { fileName } = parse(UploadQuery, req.query, 'query');
  const content = req.body as Buffer;
  if (!Buffer.isBuffer(content) || content.length === 0) throw new HttpError(400, 'empty_file', `the ${what} file ${fileName} is empty`);
  return { fileName, content };
}
