import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { changeCounter, checksummer, fullChecksum } from './db-checksum';

// The fuzz suites' "nothing written on failure" rests on these two detectors: prove that each
// sees a committed change and that a rolled-back transaction leaves no trace in either.

function database() {
  const sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT); CREATE TABLE b (id INTEGER PRIMARY KEY, w TEXT); INSERT INTO a (v) VALUES (1);');
  return sqlite;
}

describe('database change detectors', () => {
  it('the row change counter counts committed changes per table and forgets rolled-back ones', () => {
    const sqlite = database();
    const changes = changeCounter(sqlite);
    expect(changes()).toBe(0);
    sqlite.prepare("UPDATE a SET v = 'x'").run();
    expect(changes()).toBe(1);
    expect(changes(['a'])).toBe(0);
    const failing = sqlite.transaction(() => {
      sqlite.prepare("INSERT INTO b (w) VALUES ('y')").run();
      throw new Error('rejected');
    });
    expect(() => failing.immediate()).toThrow('rejected');
    expect(changes()).toBe(1);
    sqlite.prepare('DELETE FROM a').run();
    expect(changes()).toBe(2);
  });

  it('the digest changes with any row and is cached while nothing changes', () => {
    const sqlite = database();
    const checksum = checksummer(sqlite);
    const before = checksum();
    expect(checksum.isFresh()).toBe(true);
    expect(checksum()).toBe(before);
    sqlite.prepare("UPDATE a SET v = 'z'").run();
    expect(checksum.isFresh()).toBe(false);
    expect(checksum()).not.toBe(before);
    expect(checksum()).toBe(fullChecksum(sqlite));
    expect(fullChecksum(sqlite, ['a'])).not.toBe(fullChecksum(sqlite));
  });
});
