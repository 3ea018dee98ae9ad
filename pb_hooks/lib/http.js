// Small request helpers for our routes: who is calling, and what did they send.

/** The logged-in learner (a record of `users`), or a 401 with a Norwegian message. */
function requireUser(e) {
  if (!e.auth || e.auth.collection().name !== 'users') {
    throw new UnauthorizedError('Du må være logget inn for å gjøre dette.');
  }
  return e.auth;
}

/** The JSON body as an object, or a 400 that says what is wrong with it. */
function jsonBody(e) {
  let body;
  try {
    body = e.requestInfo().body;
  } catch (err) {
    // PocketBase reads a body into an object: valid JSON of another kind (an array, a string, a
    // number) fails there too, with Go's "cannot unmarshal", and is not a syntax error.
    if (/cannot unmarshal/.test(String(err))) throw new BadRequestError('Forespørselen må være et JSON-objekt.');
    throw new BadRequestError('Forespørselen må være gyldig JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestError('Forespørselen må være et JSON-objekt.');
  }
  return body;
}

/** A JSON field of a record as a plain value. */
function readJson(record, field) {
  const raw = record.getString(field);
  if (!raw) return null;
  return JSON.parse(raw);
}

module.exports = { requireUser, jsonBody, readJson };
