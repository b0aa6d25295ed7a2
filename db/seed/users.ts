import { eq } from 'drizzle-orm';
import type { Db } from '../open';
import { StartupError } from '../open';
import { organisations, users, type Role } from '../schema';
import { generatePassword, hashPasswordSync, MIN_PASSWORD_LENGTH } from '../../lib/auth/password';
import { recordSeedAudit } from './audit';

type Env = Record<string, string | undefined>;

function createUser(db: Db, email: string, name: string, role: Role, password: string, organisationId: number | null = null) {
  const [user] = db
    .insert(users)
    .values({ email: email.trim().toLowerCase(), name, role, organisationId, passwordHash: hashPasswordSync(password) })
    .returning({ id: users.id, email: users.email, role: users.role, organisationId: users.organisationId })
    .all();
  recordSeedAudit(db, 'user', user.id, user);
  return user;
}

function checkPassword(name: string, value: string) {
  if (value.length < MIN_PASSWORD_LENGTH) {
    throw new StartupError(`${name} must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  }
}

/**
 * First-start accounts. ADMIN_EMAIL/ADMIN_PASSWORD name the admin; without them a random
 * password is generated and printed once (it is never stored in clear anywhere).
 * MIZAN_DEMO_PASSWORD adds one account per role for trying Mizan out.
 */
export function seedUsers(db: Db, env: Env = process.env, log: (line: string) => void = console.log) {
  const adminEmail = env.ADMIN_EMAIL?.trim() || 'admin@example.org';
  let adminPassword = env.ADMIN_PASSWORD;
  if (adminPassword) checkPassword('ADMIN_PASSWORD', adminPassword);
  const generated = !adminPassword;
  adminPassword ??= generatePassword();
  createUser(db, adminEmail, 'Administrator', 'admin', adminPassword);
  if (generated) {
    log(`[mizan] Created admin account ${adminEmail} with password: ${adminPassword}`);
    log('[mizan] This password is shown once. Sign in and change it, or set ADMIN_EMAIL/ADMIN_PASSWORD on first start.');
  }

  const demoPassword = env.MIZAN_DEMO_PASSWORD;
  if (!demoPassword) return;
  checkPassword('MIZAN_DEMO_PASSWORD', demoPassword);
  const orgId = (nameEn: string) => db.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameEn, nameEn)).get()?.id ?? null;
  createUser(db, 'officer@example.org', 'Programme Officer', 'officer', demoPassword);
  createUser(db, 'manager@example.org', 'Portfolio Manager', 'manager', demoPassword);
  createUser(db, 'japan@example.org', 'Japan (donor)', 'donor', demoPassword, orgId('Japan'));
  createUser(db, 'denmark@example.org', 'Denmark (donor)', 'donor', demoPassword, orgId('Denmark'));
  log('[mizan] Demo accounts created: officer@, manager@, japan@, denmark@example.org (password from MIZAN_DEMO_PASSWORD).');
}
