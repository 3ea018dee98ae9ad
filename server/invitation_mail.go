package main

import (
	"fmt"
	"html"
	"net/mail"
	"net/url"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"
	"github.com/pocketbase/pocketbase/tools/routine"
	"github.com/pocketbase/pocketbase/tools/security"
)

// invitationValidity is longer than a password reset's 30 minutes: staff read the invitation
// when they are next at a PC, which may be days after the competence team imported them.
const invitationValidity = 7 * 24 * time.Hour

// invitationToken is a password-reset token (so PocketBase's own confirm-password-reset accepts it
// and makes it single-use by rotating the token key) with the invitation's longer validity.
func invitationToken(user *core.Record) (string, error) {
	key := user.TokenKey() + user.Collection().PasswordResetToken.Secret
	return security.NewJWT(jwt.MapClaims{
		core.TokenClaimType:         core.TokenTypePasswordReset,
		core.TokenClaimId:           user.Id,
		core.TokenClaimCollectionId: user.Collection().Id,
		core.TokenClaimEmail:        user.Email(),
	}, key, invitationValidity)
}

func invitationMessage(app core.App, user *core.Record, token string) *mailer.Message {
	link := fmt.Sprintf("%s/nytt-passord/?token=%s&invitasjon=1", app.Settings().Meta.AppURL, url.QueryEscape(token))
	name := user.GetString("name")
	greeting := "Hei!"
	if name != "" {
		greeting = "Hei, " + name + "!"
	}
	text := greeting + "\n\n" +
		"Du har fått tilgang til Tett på læring, læringsplattformen til TETT PÅ i barnehagene i Bærum.\n" +
		"Der finner du kursene dine, øving i å kode CLASS-vignetter og din egen fremdrift.\n\n" +
		"Velg ditt eget passord her (lenken virker i 7 dager og bare én gang):\n" + link + "\n\n" +
		"Brukernavnet ditt er e-postadressen " + user.Email() + ".\n" +
		"Har lenken gått ut, velger du «Glemt passordet?» på innloggingssiden.\n\n" +
		"Hilsen\nTett på læring, Kompetanseteam barnehage i Bærum kommune\n"
	body := "<p>" + html.EscapeString(greeting) + "</p>" +
		"<p>Du har fått tilgang til Tett på læring, læringsplattformen til TETT PÅ i barnehagene i Bærum. " +
		"Der finner du kursene dine, øving i å kode CLASS-vignetter og din egen fremdrift.</p>" +
		`<p><a class="btn" href="` + html.EscapeString(link) + `">Velg ditt eget passord</a></p>` +
		"<p>Lenken virker i 7 dager og bare én gang. Brukernavnet ditt er e-postadressen " + html.EscapeString(user.Email()) + ". " +
		"Har lenken gått ut, velger du «Glemt passordet?» på innloggingssiden.</p>" +
		"<p>Hilsen<br/>Tett på læring, Kompetanseteam barnehage i Bærum kommune</p>"
	return &mailer.Message{
		From:    mail.Address{Name: app.Settings().Meta.SenderName, Address: app.Settings().Meta.SenderAddress},
		To:      []mail.Address{{Address: user.Email(), Name: name}},
		Subject: "Du har fått tilgang til Tett på læring",
		HTML:    body,
		Text:    text,
	}
}

func sendInvitation(app core.App, user *core.Record) error {
	token, err := invitationToken(user)
	if err != nil {
		return err
	}
	return app.NewMailClient().Send(invitationMessage(app, user, token))
}

// sendInvitations mails each new person in the background: an import of 2,000 staff must not
// wait for 2,000 SMTP conversations before it answers. A failed mail is logged (visible in the
// admin UI's logs); the person can still use «Glemt passordet?».
func sendInvitations(app core.App, users []*core.Record) {
	if len(users) == 0 {
		return
	}
	routine.FireAndForget(func() {
		for _, user := range users {
			if err := sendInvitation(app, user); err != nil {
				app.Logger().Error("Invitasjonen kunne ikke sendes", "email", user.Email(), "error", err.Error())
			}
		}
	})
}
