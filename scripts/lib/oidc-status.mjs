// One line for `npm start` about sign-in with the identity provider: the server's own log of a
// failed discovery goes to PocketBase's log (admin UI → Logs), which an operator may never open.
import PocketBase from 'pocketbase';

export async function oidcStatusLine(url, env = process.env) {
  const configured = Object.keys(env).some((k) => k.startsWith('TETTPA_OIDC_') && env[k]);
  if (!configured) return null;
  const name = env.TETTPA_OIDC_NAME || 'Bærum-konto';
  try {
    const methods = await new PocketBase(url).collection('users').listAuthMethods();
    if (methods.oauth2?.providers?.some((p) => p.name === 'oidc')) return `  Innlogging med ${name}: på (${env.TETTPA_OIDC_ISSUER || env.TETTPA_OIDC_AUTH_URL})`;
  } catch {
    // answered below
  }
  return `  Innlogging med ${name}: AV. Utstederen svarte ikke; serveren prøver igjen hvert minutt (se Logs i /_/).`;
}
