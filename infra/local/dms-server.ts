import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { sha256Hex } from '../../domain/sha256';
import type { LocalService } from './postgres';

/**
 * A local stand-in for an external DMS (the API of infra/dms/http-dms.ts) on a loopback port:
 * each document is a file in `dir` named by the id it assigns, with a .json sidecar of its metadata.
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
    // The DMS assigns its own ids; the same content again answers the id it already has.
    const index = path.join(opts.dir, `sha256-${sha256}`);
    if (fs.existsSync(index)) return void res.status(200).json({ id: fs.readFileSync(index, 'utf8') });
    const id = randomUUID();
    fs.writeFileSync(path.join(opts.dir, `${id}.json`), JSON.stringify({ id, fileName, mimeType, sha256, size: bytes.length }));
    fs.writeFileSync(path.join(opts.dir, id), bytes);
    fs.writeFileSync(index, id);
    res.status(201).json({ id });
  });
  app.get('/documents/:id', (req, res) => {
    const file = path.join(opts.dir, path.basename(req.params.id));
    if (!/^[0-9a-f-]{36}$/.test(req.params.id) || !fs.existsSync(file)) {
      res.status(404).json({ error: `no document ${req.params.id}` });
      return;
    }
    const meta = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as object;
    res.json({ ...meta, content: fs.readFileSync(file).toString('base64') });
  });
  app.delete('/documents/:id', (req, res) => {
    const file = path.join(opts.dir, path.basename(req.params.id));
    if (!/^[0-9a-f-]{36}$/.test(req.params.id) || !fs.existsSync(file)) return void res.status(404).json({ error: `no document ${req.params.id}` });
    const { sha256 } = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as { sha256: string };
    for (const f of [file, `${file}.json`, path.join(opts.dir, `sha256-${sha256}`)]) fs.rmSync(f, { force: true });
    res.status(204).end();
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port, '127.0.0.1', () => resolve(s)).once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${opts.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
