import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

// Schema validation against the official IATI 2.03 XSDs, copied into schema/ beside this file so
// the app never reads ../shared at run time. libxml2 (as WebAssembly, in a worker thread) does
// the checking; this is the one part of lib/domain/iati that does I/O.

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

export async function validateIatiXml(xml: string): Promise<IatiValidation> {
  const [main, ...dependencies] = await loadSchemas();
  const result = await validateXML({
    xml: [{ fileName: 'iati-activities.xml', contents: xml }],
    schema: [main],
    preload: dependencies,
    // Room for large multi-programme exports: 16 MiB is the library default, 256 MiB the ceiling here.
    maxMemoryPages: 4096,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
