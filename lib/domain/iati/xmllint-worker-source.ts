// The source of the one long-lived worker thread for IATI schema validation (validate.ts).
// Started from this string (Worker with eval: true) rather than from a file path, so the Next
// bundler neither bundles it nor tries to trace a worker file; it runs in the server's own Node
// process, where require resolves xmllint-wasm from node_modules (a server external).
// xmllint-wasm's own validateXML starts a new worker for every call, which reads, compiles and
// warms up libxml2's WebAssembly each time: ~1 s of fixed cost per export on this machine. Here
// the module is compiled once; every validation still runs a FRESH libxml2 instance (its own
// memory and files, exactly xmllint's command line), so no state carries from one document to
// the next. Messages: { key, id, inputFiles, args, initialMemory, maxMemory } → { key, id, exitCode, stdout, stderr }.
export const XMLLINT_WORKER_SOURCE = `
'use strict';
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');

const KEY = 'mizan-xmllint';
const dir = path.dirname(require.resolve('xmllint-wasm/xmllint-node.js', { paths: [process.cwd()] }));
// Requiring the Emscripten glue also registers xmllint-wasm's own message handler; it ignores
// messages without its key, so it never answers ours.
const createXmllint = require(path.join(dir, 'xmllint-node.js'));
const compiled = new WebAssembly.Module(fs.readFileSync(path.join(dir, 'xmllint.wasm')));

parentPort.on('message', (message) => {
  if (!message || message.key !== KEY) return;
  let stdout = '';
  let stderr = '';
  let answered = false;
  const answer = (exitCode, err) => {
    if (answered) return;
    answered = true;
    process.exitCode = 0; // Emscripten's exit() sets it; this thread lives on.
    parentPort.postMessage({ key: KEY, id: message.id, exitCode, stdout, stderr: err ?? stderr });
  };
  createXmllint({
    inputFiles: message.inputFiles,
    arguments: message.args,
    print: (text) => {
      stdout += \`\${text}\\n\`;
    },
    printErr: (text) => {
      stderr += \`\${text}\\n\`;
    },
    onExit: (code) => answer(code),
    onAbort: (reason) => answer(-1, \`WASM Abort: \${reason}\`),
    wasmMemory: new WebAssembly.Memory({ initial: message.initialMemory, maximum: message.maxMemory }),
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled), (error) => answer(-1, String(error)));
      return {};
    },
  }).catch((error) => answer(-1, String(error)));
});
`;
