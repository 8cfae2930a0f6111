import busboy from 'busboy';
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

/**
 * The files of an upload: the file parts of a multipart/form-data body (each named by its
 * filename, folders dropped), else the raw body named by `?fileName=`. Which file is which is
 * decided by the service, by content.
 */
export async function uploadedFiles(req: Request, what: string): Promise<Array<{ name: string; content: Buffer }>> {
  if (!req.is('multipart/form-data')) {
    const { fileName, content } = uploadedFile(req, what);
    return [{ name: fileName, content }];
  }
  const files = await multipartFiles(req);
  if (files.length === 0) throw new HttpError(400, 'empty_file', `the multipart upload holds no ${what} file part`);
  const empty = files.find((f) => f.content.length === 0);
  if (empty) throw new HttpError(400, 'empty_file', `the ${what} upload's part ${empty.name} is empty`);
  return files;
}

/** busboy over the body express.raw already read (so the size limit is the same for every form). */
function multipartFiles(req: Request): Promise<Array<{ name: string; content: Buffer }>> {
  return new Promise((resolve, reject) => {
    const files: Array<{ name: string; content: Buffer }> = [];
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers });
    } catch (e) {
      return reject(new HttpError(400, 'invalid_request', `invalid multipart upload: ${(e as Error).message}`));
    }
    bb.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      const name = (info.filename || field).split(/[\\/]/).pop() || field;
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => files.push({ name, content: Buffer.concat(chunks) }));
    });
    bb.on('error', (e) => reject(new HttpError(400, 'invalid_request', `invalid multipart upload: ${(e as Error).message}`)));
    bb.on('close', () => resolve(files));
    bb.end(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
  });
}
