import fs from 'node:fs';
import path from 'node:path';
import * as threads from 'node:worker_threads';
import { XMLLINT_WORKER_SOURCE } from './xmllint-worker-source';

// Schema validation against the official IATI 2.03 XSDs, copied into schema/ beside this file so
// the app never reads ../shared at run time. libxml2 (xmllint-wasm's WebAssembly build) does the
// checking in ONE long-lived worker thread (xmllint-worker-source.ts): the module is compiled once and
// each document gets a fresh libxml2 instance. xmllint-wasm's own validateXML started a worker
// per call and paid ~1 s to load and warm the module every export (docs/tables-performance.md).
// Every export is still validated, in full. This is the one part of lib/domain/iati that does I/O.

export const SCHEMA_FILES = ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'] as const;

/** Resolved from the working directory: `next start` and vitest both run at the repository root. */
export function schemaFolder(): string {
  return path.join(process.cwd(), 'lib', 'domain', 'iati', 'schema');
}

let schemaCache: Promise<{ fileName: string; contents: string }[]> | null = null;

function loadSchemas() {
  schemaCache ??= Promise.all(
    SCHEMA_FILES.map(async (fileName) => ({ fileName, contents: await fs.promises.readFile(path.join(schemaFolder(), fileName), 'utf8') })),
  );
  return schemaCache;
}

export type IatiValidation = { valid: boolean; errors: string[] };

type Reply = { key: string; id: number; exitCode: number; stdout: string; stderr: string };
const KEY = 'mizan-xmllint';
// 64 KiB pages: 16 MiB to start, room for large multi-programme exports up to 256 MiB.
const INITIAL_PAGES = 256;
const MAX_PAGES = 4096;

let worker: threads.Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();

function validator(): threads.Worker {
  if (worker) return worker;
  const started = new threads.Worker(XMLLINT_WORKER_SOURCE, { eval: true });
  started.on('message', (reply: Reply) => {
    if (reply?.key !== KEY) return;
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
  });
  const fail = (error: Error) => {
    if (worker === started) worker = null; // the next call starts a new one
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`xmllint worker exited (${code})`)));
  // Idle, it must not keep a script or a test run alive; busy, it must (ref'd per validation).
  started.unref();
  worker = started;
  return started;
}

/** xmllint's exit codes: 0 valid, 3/4 invalid; anything else is a failure to validate, not a verdict. */
function verdict(reply: Reply): IatiValidation {
  if (reply.exitCode === 0) return { valid: true, errors: [] };
  if (reply.exitCode === 3 || reply.exitCode === 4) {
    const errors = reply.stderr.split('\n').filter((line) => line.trim() !== '' && !line.trim().endsWith(' validates') && !/fails to validate$/.test(line.trim()));
    return { valid: false, errors };
  }
  throw new Error(`IATI validation could not run: ${reply.stderr.trim() || `exit code ${reply.exitCode}`}`);
}

export async function validateIatiXml(xml: string): Promise<IatiValidation> {
  const [main, ...dependencies] = await loadSchemas();
  const id = ++nextId;
  const w = validator();
  const reply = await new Promise<Reply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({
      key: KEY,
      id,
      inputFiles: [{ fileName: 'iati-activities.xml', contents: xml }, main, ...dependencies],
      args: ['--schema', main.fileName, '--noout', 'iati-activities.xml'],
      initialMemory: INITIAL_PAGES,
      maxMemory: MAX_PAGES,
    });
  });
  return verdict(reply);
}
