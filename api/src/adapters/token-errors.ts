// What a refused sign-in token tells the person: a sentence they can act on, never jose's own text
// (which may quote the token's claims).
import { errors } from 'jose';
import {
  AuthenticationError,
  DependencyUnavailableError,
  TenantNotAllowedError,
} from '../application/errors.js';

const reload = 'reload Roundtable to sign in again.';
export const messages = {
  noBearer: 'Sign in to Roundtable: the request had no bearer token.',
  malformed: `Your sign-in token could not be read; ${reload}`,
  signature: `Your sign-in token's signature could not be verified; ${reload}`,
  incomplete: `Your sign-in token is missing information Roundtable needs; ${reload}`,
  expired: `Your sign-in has expired; ${reload}`,
  notYetValid: "Your sign-in token is not valid yet; check that this device's clock is correct.",
  audience: 'This token was issued for another application.',
  issuer: 'This token was issued by a sign-in service this Roundtable deployment does not trust.',
  noTenant: `Your sign-in token names no organisation; ${reload}`,
  user: 'This token does not identify a person; sign in with your own account.',
  client: 'This token was not issued to Teams; open Roundtable from a Teams meeting.',
  scope: `This token does not allow Roundtable to act for you; ${reload}`,
  role: 'This token names a role Roundtable does not know.',
  keysUnavailable:
    'Roundtable cannot reach the sign-in service to check your token; try again in a moment.',
};

// jose's own errors may quote claim values, so none of their text or causes is passed on.
export function asApplicationError(error: unknown): Error {
  if (
    error instanceof AuthenticationError ||
    error instanceof TenantNotAllowedError ||
    error instanceof DependencyUnavailableError
  ) {
    return error;
  }
  if (error instanceof errors.JWTExpired) return new AuthenticationError(messages.expired);
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new AuthenticationError(claimMessage(error.claim, error.reason));
  }
  if (
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported ||
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new AuthenticationError(messages.signature);
  }
  return new AuthenticationError(messages.malformed);
}

function claimMessage(claim: string, reason: string): string {
  if (reason === 'missing') return messages.incomplete;
  if (claim === 'aud') return messages.audience;
  if (claim === 'iss') return messages.issuer;
  if (claim === 'nbf' || claim === 'iat') return messages.notYetValid;
  return messages.malformed;
}
