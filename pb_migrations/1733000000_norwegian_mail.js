/// <reference path="../pb_data/types.d.ts" />
// Every mail PocketBase sends on its own (password reset, new-device alert, one-time code,
// verification, e-mail change) in Norwegian bokmål. The reset link leads to our own page
// /nytt-passord/, never to PocketBase's English one. PocketBase makes the plain-text part of each
// mail from this HTML, so subject, text and HTML are all Norwegian.

const signature = `<p>Hilsen<br/>Tett på læring, Kompetanseteam barnehage i Bærum kommune</p>`;

function learnerTemplates() {
  return {
    resetPasswordTemplate: {
      subject: 'Nytt passord til Tett på læring',
      body: `<p>Hei!</p>
<p>Vi har fått en forespørsel om nytt passord til kontoen din i Tett på læring. Velg et nytt passord her:</p>
<p><a class="btn" href="{APP_URL}/nytt-passord/?token={TOKEN}" target="_blank" rel="noopener">Velg nytt passord</a></p>
<p>Lenken virker i 30 minutter og bare én gang: {APP_URL}/nytt-passord/?token={TOKEN}</p>
<p><i>Har du ikke bedt om nytt passord, kan du se bort fra denne e-posten. Passordet ditt er ikke endret.</i></p>
${signature}`,
    },
    verificationTemplate: {
      subject: 'Bekreft e-postadressen din i Tett på læring',
      body: `<p>Hei!</p>
<p>Bekreft at denne e-postadressen hører til deg:</p>
<p><a class="btn" href="{APP_URL}/_/#/auth/confirm-verification/{TOKEN}" target="_blank" rel="noopener">Bekreft e-postadressen</a></p>
<p><i>Har du ikke bedt om dette, kan du se bort fra denne e-posten.</i></p>
${signature}`,
    },
    confirmEmailChangeTemplate: {
      subject: 'Bekreft ny e-postadresse i Tett på læring',
      body: `<p>Hei!</p>
<p>Noen har bedt om å bytte e-postadressen til kontoen din i Tett på læring til denne adressen. Bekreft byttet her:</p>
<p><a class="btn" href="{APP_URL}/_/#/auth/confirm-email-change/{TOKEN}" target="_blank" rel="noopener">Bekreft ny e-postadresse</a></p>
<p><i>Har du ikke bedt om dette, kan du se bort fra denne e-posten. Da blir ingenting endret.</i></p>
${signature}`,
    },
    authAlert: {
      subject: 'Ny innlogging på kontoen din i Tett på læring',
      body: `<p>Hei!</p>
<p>Noen logget nettopp inn på kontoen din i Tett på læring fra en enhet eller et sted vi ikke har sett før:</p>
<p><em>{ALERT_INFO}</em></p>
<p>Var det deg, trenger du ikke gjøre noe. Var det ikke deg, bør du bytte passord med en gang: gå til {APP_URL}/logg-inn/ og velg «Glemt passordet?».</p>
${signature}`,
    },
    otp: {
      subject: 'Engangskode til Tett på læring',
      body: `<p>Hei!</p>
<p>Engangskoden din er <strong>{OTP}</strong>.</p>
<p><i>Har du ikke bedt om en kode, kan du se bort fra denne e-posten.</i></p>
${signature}`,
    },
  };
}

/** The superusers keep PocketBase's own admin pages (/_/), but the mail is Norwegian too. */
function superuserTemplates() {
  const t = learnerTemplates();
  t.resetPasswordTemplate = {
    subject: 'Nytt passord til administrasjonen av Tett på læring',
    body: `<p>Hei!</p>
<p>Vi har fått en forespørsel om nytt passord til superbrukeren din i Tett på læring. Velg et nytt passord her:</p>
<p><a class="btn" href="{APP_URL}/_/#/auth/confirm-password-reset/{TOKEN}" target="_blank" rel="noopener">Velg nytt passord</a></p>
<p><i>Har du ikke bedt om nytt passord, kan du se bort fra denne e-posten.</i></p>
${signature}`,
  };
  return t;
}

function apply(app, name, templates) {
  const collection = app.findCollectionByNameOrId(name);
  collection.resetPasswordTemplate = templates.resetPasswordTemplate;
  collection.verificationTemplate = templates.verificationTemplate;
  collection.confirmEmailChangeTemplate = templates.confirmEmailChangeTemplate;
  collection.authAlert.emailTemplate = templates.authAlert;
  collection.otp.emailTemplate = templates.otp;
  app.save(collection);
}

migrate(
  (app) => {
    apply(app, 'users', learnerTemplates());
    apply(app, '_superusers', superuserTemplates());
  },
  () => {
    // Going back keeps the Norwegian mail: PocketBase's English defaults would only be a step back.
  },
);
