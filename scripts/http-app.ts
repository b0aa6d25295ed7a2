// Shared by the crash and load scripts: start the production server (scripts/start.mjs) on a
// given database and port, sign in, and post forms exactly as a browser without JavaScript does
// (the form's hidden server-action fields scraped from the page).
import { spawn, type ChildProcess } from 'node:child_process';

export type App = { server: ChildProcess; output: () => string; base: string };

/** Starts `npm start`'s script in its own process group (so a kill reaches next-server too). */
export function startServer(options: { port: number; database: string; env?: Record<string, string>; timeoutMs?: number }): Promise<App> {
  const base = `http://127.0.0.1:${options.port}`;
  let output = '';
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(options.port), HOSTNAME_BIND: '127.0.0.1', DATABASE_PATH: options.database, NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (c) => (output += c));
  server.stderr!.on('data', (c) => (output += c));
  const timeout = options.timeoutMs ?? 300_000;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return resolve({ server, output: () => output, base });
      } catch {
        /* not up yet */
      }
      if (server.exitCode !== null || server.signalCode !== null) return reject(new Error(`server exited:\n${output}`));
      if (Date.now() - started > timeout) return reject(new Error(`server did not start in ${timeout / 1000} s`));
      setTimeout(poll, 250);
    };
    void poll();
  });
}

/** Signals the whole process group; resolves once the launcher has exited. */
export function stopServer(app: App, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (app.server.exitCode !== null || app.server.signalCode !== null) return resolve();
    app.server.once('exit', () => resolve());
    try {
      process.kill(-app.server.pid!, signal);
    } catch {
      resolve();
    }
  });
}

/** The hidden fields of the form holding `marker` (React's server-action references). */
export function hiddenFields(html: string, marker: string): [string, string][] {
  const forms = html.split('<form').slice(1).map((f) => f.slice(0, f.indexOf('</form>')));
  const form = forms.find((f) => f.includes(marker));
  if (!form) throw new Error(`no form with ${marker}`);
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [decode(m[1]), decode(m[2] ?? '')]);
}

export async function postForm(base: string, pathName: string, fields: [string, string][], cookie?: string, signal?: AbortSignal) {
  const body = new FormData();
  for (const [k, v] of fields) body.append(k, v);
  return fetch(`${base}${pathName}`, { method: 'POST', body, redirect: 'manual', signal, headers: { Origin: base, ...(cookie ? { Cookie: cookie } : {}) } });
}

/** Signs in through the login form; returns "mizan_session=…". */
export async function signInForm(base: string, email: string, password: string): Promise<string> {
  const html = await (await fetch(`${base}/en/login`)).text();
  const fields = hiddenFields(html, 'name="email"').filter(([k]) => !['email', 'password'].includes(k));
  const response = await postForm(base, '/en/login', [...fields, ['email', email], ['password', password]]);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('mizan_session='));
  if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(';')[0];
}

/** The server-action fields of the form on `pathName` that has `marker`, minus the ones the caller sets. */
export async function formFields(base: string, pathName: string, cookie: string, marker: string, own: string[]): Promise<[string, string][]> {
  const response = await fetch(`${base}${pathName}`, { headers: { Cookie: cookie } });
  if (!response.ok) throw new Error(`GET ${pathName}: ${response.status}`);
  return hiddenFields(await response.text(), marker).filter(([k]) => !own.includes(k));
}
