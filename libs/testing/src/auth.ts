import { issueDevToken, loadAuthConfig, type DevTokenRequest, type Role } from '@assistenza/platform/auth';

/**
 * Authorization header for a caller with one role, signed with the development secret that the
 * services under test verify against (the same default as `npm start`).
 */
export async function authHeaders(role: Role, options: Omit<DevTokenRequest, 'role'> = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await issueDevToken(loadAuthConfig(), { role, ...options })}` };
}
