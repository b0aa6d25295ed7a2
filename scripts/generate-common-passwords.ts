// Regenerates lib/auth/common-passwords.txt: `npx tsx scripts/generate-common-passwords.ts`.
//
// Provenance: no third-party list is copied. The base words are the passwords that recur at the top
// of every published "most common passwords" ranking (NCSC's 2019 Have I Been Pwned top 100,
// NordPass and SplashData yearly lists, Wikipedia "List of the most common passwords"); these short
// words are facts, not a copyrighted work. From them this script derives, deterministically, the
// 12+ character forms people actually pick to satisfy a length rule: repetition, digit and year
// suffixes, keyboard walks, and a few local words (the app's own name, the organisations it serves).
// Only candidates of at least 12 characters are kept: anything shorter fails the length rule anyway.
import fs from 'node:fs';
import path from 'node:path';

const BASE_WORDS = [
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbnm',
  'iloveyou', 'admin', 'administrator', 'welcome', 'letmein', 'monkey', 'dragon', 'football', 'baseball',
  'sunshine', 'princess', 'master', 'shadow', 'superman', 'batman', 'trustno1', 'starwars', 'whatever',
  'michael', 'jennifer', 'jordan', 'hunter', 'charlie', 'freedom', 'secret', 'changeme', 'default',
  'computer', 'internet', 'login', 'access', 'abc', 'abcdef', 'mustang', 'liverpool', 'chelsea', 'arsenal',
  'pokemon', 'naruto', 'ninja', 'samsung', 'google', 'hello', 'helloworld', 'flower', 'lovely', 'loveme',
  'summer', 'winter', 'spring', 'autumn', 'january', 'december', 'mizan', 'unodc', 'united', 'nations',
  'donor', 'finance', 'security', 'company', 'office', 'baghdad', 'iraq', 'japan', 'denmark', 'tokyo',
  'copenhagen', 'ahmed', 'mohammed', 'muhammad', 'ali', 'hussein', 'fatima', 'allah', 'bismillah',
];
const NUMERIC = ['1', '12', '123', '1234', '12345', '123456', '1234567', '12345678', '123456789', '1234567890', '0', '00', '000', '007', '01', '11', '111', '1111', '69', '99', '!', '!!', '1!', '123!', '@123', '#1'];
const YEARS = Array.from({ length: 2030 - 1950 + 1 }, (_, i) => String(1950 + i));
const KEYBOARD_WALKS = [
  'qwertyuiopasdfghjkl', 'qwertyuiop[]', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', 'zaq12wsxcde3', 'zaq1zaq1zaq1',
  '1q2w3e4r5t6y', '1q2w3e4r5t6y7u', 'q1w2e3r4t5y6', 'qazwsxedcrfv', 'qweasdzxcqwe', 'asdfghjklqwe',
  '1234qwerasdf', 'qwer1234asdf', 'asdf1234qwer', '!qaz@wsx#edc', 'q1w2e3r4t5y6u7', 'abcdefghijkl',
  'abcdefghijklmnop', 'abcd1234abcd', 'abc123abc123', 'aaaaaaaaaaaa', 'zxcvbnmasdfg', 'poiuytrewqas',
];

function* candidates(): Generator<string> {
  yield* KEYBOARD_WALKS;
  // Digit runs and repeated digits: 123456789012, 111111111111, 121212121212, 012345678901…
  const digits = '12345678901234567890';
  for (let length = 12; length <= 20; length++) {
    yield digits.slice(0, length);
    yield '0' + digits.slice(0, length - 1);
    yield '98765432109876543210'.slice(0, length);
    for (let d = 0; d <= 9; d++) yield String(d).repeat(length);
    yield '12'.repeat(length).slice(0, length);
    yield '123'.repeat(length).slice(0, length);
    yield '1234'.repeat(length).slice(0, length);
    yield '69'.repeat(length).slice(0, length);
  }
  for (const raw of BASE_WORDS) {
    const forms = new Set([raw, raw[0].toUpperCase() + raw.slice(1), raw.toUpperCase()]);
    for (const word of forms) {
      yield word;
      yield word + word;
      yield word.repeat(3);
      for (const suffix of NUMERIC) {
        yield word + suffix;
        yield suffix + word;
        yield word + word + suffix;
      }
      for (const year of YEARS) {
        yield word + year;
        yield word + '@' + year;
        yield word + year + '!';
        yield word + '_' + year;
      }
      for (const other of BASE_WORDS) if (other !== raw) yield word + other;
    }
  }
  yield* ['iloveyouforever', 'letmeinletmein', 'welcometomizan', 'changemenow123', 'mypasswordis', 'thisismypassword', 'passwordisnotsafe', 'correcthorsebatterystaple', 'nopasswordneeded', 'donttellanyone'];
}

const MIN_LENGTH = 12;
const list = [...new Set([...candidates()].map((c) => c.toLowerCase()).filter((c) => c.length >= MIN_LENGTH))].sort();
const target = path.join(process.cwd(), 'lib', 'auth', 'common-passwords.txt');
fs.writeFileSync(target, list.join('\n') + '\n');
console.log(`Wrote ${list.length} common passwords (>= ${MIN_LENGTH} characters) to ${path.relative(process.cwd(), target)}`);
