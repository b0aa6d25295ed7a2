import type { Role } from '@/db/schema/enums';

/** Who is calling the data-access layer. Only lib/auth/session.ts makes one from a session. */
export type Actor = {
  readonly userId: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** The donor's organisation; null for other roles. */
  readonly organisationId: number | null;
  readonly sessionId?: string;
};
