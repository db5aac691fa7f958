/**
 * Password hashing with argon2id (the `argon2` package, prebuilt binaries shipped in the npm package).
 * Parameters follow the OWASP Password Storage Cheat Sheet minimum for argon2id: m=19 MiB, t=2, p=1.
 */
import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export async function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, OPTIONS);
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real verification, so unknown e-mail addresses cannot be told apart by timing. */
export async function verifyAgainstDummy(plain: string): Promise<false> {
  dummyHash ??= hashPassword('painpath-dummy-password-for-timing');
  await verifyPassword(await dummyHash, plain);
  return false;
}
