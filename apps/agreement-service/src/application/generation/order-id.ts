import { createHash } from 'node:crypto';

const NAMESPACE = Buffer.from('6f1d5a3e8b2c4e7fa0d19c3b5e7f2a41', 'hex');

/** RFC 4122 version-5 UUID of `company|plan key`: the same planned order always gets the same id. */
export function serviceOrderIdFor(company: string, planKey: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${company}|${planKey}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
