import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes): slow for a guesser, quick enough for a sign-in.
const options = {
  algorithm: 2 /* Argon2id: the package's enum is const and cannot cross isolated modules */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export { minPasswordLength } from '../../../shared/schemas.js';

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against the stored hash, or against a throwaway one when there is none, so an unknown
 * address costs the same time as a wrong password and cannot be told apart.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword('rinnalla-timing-equaliser');
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
