// The page cache's memory: one entry per page key (the newest data revision wins), bounded in
// bytes with least-recently-used eviction, plus the renders in flight so that concurrent misses
// of one page wait for a single render instead of each rendering it.

export type PageEntry = {
  revision: number;
  /** Headers replayed on a hit (lower-case names), without the per-response ones. */
  headers: [string, string][];
  setCookies: string[];
  /** The CSP header and the HTML (UTF-8 bytes), split where the original nonce stood. */
  cspParts: string[];
  bodyParts: Buffer[];
  bytes: number;
};

export class PageStore {
  private entries = new Map<string, PageEntry>();
  private pending = new Map<string, Promise<void>>();
  private bytes = 0;
  private newestRevision = -1;

  constructor(private readonly maxBytes: number) {}

  get size() {
    return this.entries.size;
  }

  get totalBytes() {
    return this.bytes;
  }

  /** The entry for `key` rendered at exactly `revision`, refreshed in the LRU order. */
  get(key: string, revision: number): PageEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.revision !== revision) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: PageEntry): void {
    if (entry.bytes > this.maxBytes / 4) return; // one page must not flush everyone else's
    if (entry.revision < this.newestRevision) return; // rendered from data that has since changed
    if (entry.revision > this.newestRevision) {
      // The data moved on: entries of older revisions can never be served again.
      this.newestRevision = entry.revision;
      for (const [k, e] of this.entries) if (e.revision < entry.revision) this.remove(k);
    }
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const k of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(k);
    }
  }

  private remove(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= old.bytes;
    this.entries.delete(key);
  }

  /** The render of `key` in flight, if any: a second miss waits for it rather than rendering again. */
  inFlight(key: string): Promise<void> | undefined {
    return this.pending.get(key);
  }

  /** Marks a render of `key` in flight until `done` settles. */
  track(key: string, done: Promise<void>): void {
    this.pending.set(key, done);
    void done.finally(() => {
      if (this.pending.get(key) === done) this.pending.delete(key);
    });
  }
}
