// Opens, migrates and (on first start) seeds the database, so `npm start` fails fast with a
// clear message before the server starts when DATABASE_PATH or the data folder is wrong.
import { openDatabase, StartupError } from '../db/open';
import { seedIfEmpty } from '../db/seed';

try {
  const connection = openDatabase();
  const seeded = seedIfEmpty(connection);
  console.log(`[mizan] Database ready at ${connection.path}${seeded ? ' (seeded with the source record)' : ''}.`);
  connection.sqlite.close();
} catch (error) {
  if (error instanceof StartupError) {
    console.error(`[mizan] Cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
