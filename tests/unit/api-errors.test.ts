// PocketBase's English errors reach a learner in Norwegian; our own Norwegian messages pass as they are.
import { describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { isPocketBaseText, norwegianMessage } from '../../src/lib/pocketbase/errors';
import { serverMessage } from '../../src/lib/pocketbase/client';

const refused = (status: number, message: string, data: Record<string, unknown> = {}) =>
  new ClientResponseError({ url: 'http://127.0.0.1:8090/api/collections/x/records', status, response: { status, message, data } });

describe('norwegianMessage', () => {
  it('says per field what to fix, from PocketBase’s validation codes', () => {
    const error = refused(400, 'Failed to create record.', {
      name: { code: 'validation_required', message: 'Cannot be blank.' },
      email: { code: 'validation_is_email', message: 'Must be a valid email address.' },
      passwordConfirm: { code: 'validation_values_mismatch', message: "Values don't match." },
    });
    expect(norwegianMessage(error)).toBe('Navnet må fylles ut. E-postadressen må være en gyldig e-postadresse. Det gjentatte passordet er ikke likt passordet.');
  });

  it('names a field it has no word for, and a code it does not know, without English', () => {
    const error = refused(400, 'Failed to update record.', { avdeling: { code: 'validation_something_new', message: 'Something new.' } });
    expect(norwegianMessage(error)).toBe('Feltet «avdeling» har en ugyldig verdi.');
  });

  it.each([
    [400, 'Failed to create record.', 'Noe av det du sendte er ikke gyldig'],
    [400, 'Something went wrong while processing your request.', 'Noe av det du sendte er ikke gyldig'],
    [401, 'The request requires valid record authorization token.', 'Du er ikke logget inn'],
    [403, 'The authorized record is not allowed to perform this action.', 'Du har ikke tilgang'],
    [403, 'Only superusers can perform this action.', 'Du har ikke tilgang'],
    [404, "The requested resource wasn't found.", 'Fant ikke det du ba om'],
    [413, 'Request entity too large', 'for stort'],
    [429, 'Too Many Requests.', 'For mange forsøk'],
    [500, 'Something went wrong while processing your request.', 'Noe gikk galt på serveren'],
    [503, 'Service Unavailable', 'Noe gikk galt på serveren'],
    [418, 'Failed to brew.', 'feilkode 418'],
  ])('turns a generic %i (%s) into Norwegian', (status, message, expected) => {
    expect(norwegianMessage(refused(status, message))).toContain(expected);
  });

  it('lets our own Norwegian messages through, with or without field codes', () => {
    expect(norwegianMessage(refused(404, 'Fant ingen kursgruppe med koden ABC123. Sjekk at du har skrevet den riktig.'))).toBe(
      'Fant ingen kursgruppe med koden ABC123. Sjekk at du har skrevet den riktig.',
    );
    const withCode = refused(400, 'Kurs og leksjon kan ikke endres på en fremdrift som er lagret.', { lesson: { code: 'validation_immutable', message: 'x' } });
    expect(norwegianMessage(withCode)).toBe('Kurs og leksjon kan ikke endres på en fremdrift som er lagret.');
    expect(norwegianMessage(refused(429, 'For mange feil koder. Vent 14 minutter før du prøver igjen.'))).toMatch(/^For mange feil koder/);
  });

  it('gives null when the server never answered, so the caller can say the network failed', () => {
    expect(norwegianMessage(new ClientResponseError({ url: 'x', status: 0, response: {} }))).toBeNull();
    expect(norwegianMessage(new TypeError('fetch failed'))).toBeNull();
    expect(norwegianMessage(null)).toBeNull();
  });

  it('is what the islands show (serverMessage)', () => {
    expect(serverMessage(refused(403, 'The authorized record is not allowed to perform this action.'))).toBe('Du har ikke tilgang til å gjøre dette.');
  });
});

describe('isPocketBaseText', () => {
  it('tells PocketBase’s English from our Norwegian', () => {
    expect(isPocketBaseText('Failed to authenticate.')).toBe(true);
    expect(isPocketBaseText('Unknown error: please check your request.')).toBe(true);
    expect(isPocketBaseText('Fant ikke kursgruppen.')).toBe(false);
    expect(isPocketBaseText('Du er ikke logget inn.')).toBe(false);
    expect(isPocketBaseText('Bare kurslederen for gruppen kan starte en kodingsrunde.')).toBe(false);
  });
});
