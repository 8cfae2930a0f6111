import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import express from 'express';
import { sha256Hex } from '../dms/database-store';
import type { LocalService } from './postgres';

/**
 * A local stand-in for an external DMS (the API of infra/dms/http-dms.ts) on a loopback port:
 * each document is a file in `dir` named by its id (the content's sha256), with a .json sidecar.
 */
export async function startLocalDms(opts: { port: number; dir: string }): Promise<LocalService> {
  fs.mkdirSync(opts.dir, { recursive: true });
  const app = express();
  app.use(express.json({ limit: '50mb' }));
  app.post('/documents', (req, res) => {
    const { fileName, mimeType, sha256, content } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof fileName !== 'string' || typeof mimeType !== 'string' || typeof sha256 !== 'string' || typeof content !== 'string') {
      res.status(400).json({ error: 'fileName, mimeType, sha256 and content (base64) are required strings' });
      return;
    }
    const bytes = Buffer.from(content, 'base64');
    if (sha256Hex(bytes) !== sha256) {
      res.status(422).json({ error: `content does not match sha256 ${sha256}` });
      return;
    }
    const file = path.join(opts.dir, sha256);
    const known = fs.existsSync(file);
    if (!known) {
      fs.writeFileSync(`${file}.json`, JSON.stringify({ id: sha256, fileName, mimeType, sha256, size: bytes.length }));
      fs.writeFileSync(file, bytes);
    }
    res.status(known ? 200 : 201).json({ id: sha256 });
  });
  app.get('/documents/:id', (req, res) => {
    const file = path.join(opts.dir, path.basename(req.params.id));
    if (!/^[0-9a-f]{64}$/.test(req.params.id) || !fs.existsSync(file)) {
      res.status(404).json({ error: `no document ${req.params.id}` });
      return;
    }
    const meta = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as object;
    res.json({ ...meta, content: fs.readFileSync(file).toString('base64') });
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port, '127.0.0.1', () => resolve(s)).once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${opts.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
