package main

// File tickets for a package's files. A sandboxed frame sends no cookies and our login is a bearer
// token the package must never see, so the player asks an authenticated route for a ticket and
// puts it in the path of the frame's URL: /api/tettpa/scorm/packages/{id}/files/{ticket}/{path...}.
// Being in the path (not the query), it carries over to every relative link and asset of the
// package. A ticket names one package, expires after ticketLifetime and is signed with a key that
// lives only in this process (a restart ends open tickets; the player fetches a new one on load).

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// ticketLifetime is long enough for one sitting with a package, short enough that a copied URL
// soon stops working.
const ticketLifetime = 4 * time.Hour

var ticketKey = func() []byte {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		panic(err)
	}
	return key
}()

func ticketSignature(packageID string, expires int64) string {
	mac := hmac.New(sha256.New, ticketKey)
	mac.Write([]byte(packageID + "\x00" + strconv.FormatInt(expires, 10)))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func newFileTicket(packageID string, now time.Time) string {
	expires := now.Add(ticketLifetime).Unix()
	return strconv.FormatInt(expires, 10) + "." + ticketSignature(packageID, expires)
}

// validFileTicket: signed for this package and not expired.
func validFileTicket(packageID, ticket string, now time.Time) bool {
	rawExpires, signature, ok := strings.Cut(ticket, ".")
	if !ok {
		return false
	}
	expires, err := strconv.ParseInt(rawExpires, 10, 64)
	if err != nil || now.Unix() > expires {
		return false
	}
	return hmac.Equal([]byte(signature), []byte(ticketSignature(packageID, expires)))
}

// GET /api/tettpa/scorm/packages/{id}/ticket (logged in) → {ticket, expires}.
func issueFileTicket(e *core.RequestEvent) error {
	if !isAppUser(e) {
		return e.UnauthorizedError("Du må være logget inn for å spille eksterne kurs.", nil)
	}
	record, err := findLivePackage(e.App, e.Request.PathValue("id"))
	if err != nil {
		return e.NotFoundError("Fant ikke pakken.", nil)
	}
	now := time.Now()
	return e.JSON(http.StatusOK, map[string]any{
		"ticket":  newFileTicket(record.Id, now),
		"expires": now.Add(ticketLifetime).UTC().Format(time.RFC3339),
	})
}
