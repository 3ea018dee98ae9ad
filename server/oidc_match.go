package main

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/ozzo-validation/v4/is"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/auth"
	"github.com/spf13/cast"
)

// matchExistingUser decides whose account an OAuth2 sign-in opens. Nobody gets an account by
// signing in: the staff are brought in by the import (or by an admin), and a sign-in only finds
// them. The order: an identity already linked to a person; otherwise the person whose e-mail
// (trimmed, any case) the identity provider vouches for, who is then linked to that identity.
// A session that happens to be logged in on the device is never used as the target, so a shared
// kindergarten PC cannot link one colleague's Microsoft account to another's.
func matchExistingUser(e *core.RecordAuthWithOAuth2RequestEvent, claims []string) error {
	app := e.App
	link, err := app.FindFirstExternalAuthByExpr(dbx.HashExp{
		"collectionRef": e.Collection.Id,
		"provider":      e.ProviderName,
		"providerId":    e.OAuth2User.Id,
	})
	switch {
	case err == nil:
		record, err := app.FindRecordById(e.Collection, link.RecordRef())
		if err != nil {
			return e.InternalServerError("", err)
		}
		e.Record, e.IsNewRecord = record, false
		return e.Next()
	case !errors.Is(err, sql.ErrNoRows):
		return e.InternalServerError("", err)
	}

	email := vouchedEmail(e.OAuth2User, claims)
	if email == "" {
		return e.ForbiddenError("Kontoen du logget inn med, sendte ingen e-postadresse, så vi finner deg ikke i Tett på læring. Be styreren din kontakte kompetanseteamet.", nil)
	}

	var records []*core.Record
	err = app.RecordQuery(e.Collection).
		AndWhere(dbx.NewExp("LOWER(TRIM([[email]])) = {:email}", dbx.Params{"email": email})).
		Limit(2).
		All(&records)
	if err != nil {
		return e.InternalServerError("", err)
	}
	switch len(records) {
	case 0:
		return e.ForbiddenError(fmt.Sprintf("Du har ingen konto i Tett på læring ennå. Be styreren din om å legge deg inn med e-postadressen %s, og prøv igjen etterpå.", email), nil)
	case 2:
		return e.ForbiddenError(fmt.Sprintf("Flere kontoer i Tett på læring har e-postadressen %s. Be kompetanseteamet slå dem sammen.", email), nil)
	}
	record := records[0]

	// One linked identity per provider and person: a new identity with a reused address (a
	// recycled mailbox) must not take over the account of the one who had it.
	links, err := app.FindAllExternalAuthsByRecord(record)
	if err != nil {
		return e.InternalServerError("", err)
	}
	for _, l := range links {
		if l.Provider() == e.ProviderName {
			return e.ForbiddenError(fmt.Sprintf("Kontoen med e-postadressen %s er allerede koblet til en annen pålogging. Be kompetanseteamet om hjelp.", email), nil)
		}
	}

	// The identity provider has vouched for the address. Marking it verified also keeps PocketBase
	// from replacing the password of an unverified account (its guard against accounts created by
	// strangers, which cannot happen here: only admins create accounts).
	if !record.Verified() {
		record.SetVerified(true)
		if err := app.Save(record); err != nil {
			return e.InternalServerError("", err)
		}
	}
	e.Record, e.IsNewRecord = record, false
	return e.Next()
}

// vouchedEmail is the first claim in the configured order that holds an e-mail address. The
// `email` claim is skipped when the provider says outright that it is not verified. Entra ID sends
// no `email_verified` at all: there the tenant's own directory is the authority, which is why the
// issuer must be the municipality's tenant and not a multi-tenant endpoint.
func vouchedEmail(user *auth.AuthUser, claims []string) string {
	for _, claim := range claims {
		value, ok := user.RawUser[claim]
		if !ok {
			continue
		}
		if claim == "email" {
			if verified, present := user.RawUser["email_verified"]; present && !cast.ToBool(verified) {
				continue
			}
		}
		email := strings.ToLower(strings.TrimSpace(cast.ToString(value)))
		if email != "" && is.EmailFormat.Validate(email) == nil {
			return email
		}
	}
	return ""
}
