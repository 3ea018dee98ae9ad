package main

// The routes for uploaded SCORM 1.2 packages:
//   POST /api/tettpa/scorm/packages (admin, multipart `file`) → {id, title, scos}; a package that
//     fails a check → 400 {message}, stored nothing; anyone but admin → 403.
//   PUT  /api/tettpa/scorm/packages/{id} (admin, multipart `file`) → a new version of the package:
//     same id, so the learners' progress (course pakke-<id>, lesson = item) carries over.
//   DELETE /api/tettpa/scorm/packages/{id} (admin) → 204: marked removed (not deleted), so the
//     progress rows stay and the reports can still name the package.
//   GET  /api/tettpa/scorm/packages (logged in) → {items: [{id, title, scos, created, updated, removed}]};
//     removed packages only with ?alle=1.
//   GET  /api/tettpa/scorm/packages/{id}/ticket (logged in) → {ticket, expires}, for the files route.
//   GET  /api/tettpa/scorm/packages/{id}/files/{ticket}/{path...} → a file of the package, sandboxed
//     (server/scorm_files.go).
// In Go rather than a JS hook because the package is a zip: Go reads it with archive/zip.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/types"
)

const defaultScormMaxMB = 200

// scormMaxBytes is the upload limit: TETTPA_SCORM_MAX_MB megabytes, 200 by default.
func scormMaxBytes() (int64, error) {
	raw := strings.TrimSpace(os.Getenv("TETTPA_SCORM_MAX_MB"))
	if raw == "" {
		return defaultScormMaxMB << 20, nil
	}
	mb, err := strconv.Atoi(raw)
	if err != nil || mb < 1 {
		return 0, fmt.Errorf("TETTPA_SCORM_MAX_MB må være et helt antall megabyte (minst 1), ikke %q", raw)
	}
	return int64(mb) << 20, nil
}

func isAppUser(e *core.RequestEvent) bool {
	return e.Auth != nil && e.Auth.Collection().Name == "users"
}

func registerScormRoutes(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		maxBytes, err := scormMaxBytes()
		if err != nil {
			return err
		}
		// The default body limit (32 MB) is lifted here; the handler applies the package limit
		// itself, after the caller is known to be admin, so it can answer in Norwegian.
		se.Router.POST("/api/tettpa/scorm/packages", func(e *core.RequestEvent) error {
			return uploadScormPackage(e, maxBytes)
		}).Bind(apis.BodyLimit(0))
		se.Router.PUT("/api/tettpa/scorm/packages/{id}", func(e *core.RequestEvent) error {
			return uploadScormPackage(e, maxBytes)
		}).Bind(apis.BodyLimit(0))
		se.Router.DELETE("/api/tettpa/scorm/packages/{id}", removeScormPackage)
		se.Router.GET("/api/tettpa/scorm/packages", listScormPackages)
		registerScormFileRoute(se)
		return se.Next()
	})
}

func uploadScormPackage(e *core.RequestEvent, maxBytes int64) error {
	if !isAppUser(e) || e.Auth.GetString("role") != "admin" {
		return e.ForbiddenError("Bare Kompetanseteam barnehage (admin) kan laste opp SCORM-pakker.", nil)
	}
	limitMB := maxBytes >> 20
	tooBig := fmt.Sprintf("Pakken er større enn grensen på %d MB.", limitMB)
	// Room for the multipart envelope around the file.
	e.Request.Body = http.MaxBytesReader(e.Response, e.Request.Body, maxBytes+1<<20)
	if err := e.Request.ParseMultipartForm(32 << 20); err != nil {
		var maxErr *http.MaxBytesError
		if errors.As(err, &maxErr) {
			return e.BadRequestError(tooBig, nil)
		}
		return e.BadRequestError("Forespørselen må være et skjema (multipart/form-data) med pakken i feltet «file».", nil)
	}
	headers := e.Request.MultipartForm.File["file"]
	if len(headers) != 1 {
		return e.BadRequestError("Velg én zip-fil med SCORM-pakken (feltet «file»).", nil)
	}
	if headers[0].Size > maxBytes {
		return e.BadRequestError(tooBig, nil)
	}
	upload, err := headers[0].Open()
	if err != nil {
		return e.BadRequestError("Klarte ikke å lese den opplastede filen.", nil)
	}
	data, err := io.ReadAll(io.LimitReader(upload, maxBytes+1))
	upload.Close()
	if err != nil {
		return e.BadRequestError("Klarte ikke å lese den opplastede filen.", nil)
	}
	if int64(len(data)) > maxBytes {
		return e.BadRequestError(tooBig, nil)
	}

	title, scos, err := inspectScormPackage(data)
	if err != nil {
		var refusal *packageError
		if errors.As(err, &refusal) {
			return e.BadRequestError(refusal.message, nil)
		}
		return err
	}

	archive, err := filesystem.NewFileFromBytes(data, "pakke.zip")
	if err != nil {
		return err
	}
	var record *core.Record
	if id := e.Request.PathValue("id"); id != "" {
		// A new version: the same record, so its id (and the progress keyed by it) stays.
		if record, err = findLivePackage(e.App, id); err != nil {
			return e.NotFoundError("Fant ikke pakken som skal erstattes.", nil)
		}
	} else {
		collection, err := e.App.FindCollectionByNameOrId("scorm_packages")
		if err != nil {
			return err
		}
		record = core.NewRecord(collection)
	}
	record.Set("title", title)
	record.Set("scos", scos)
	record.Set("archive", archive)
	record.Set("uploaded_by", e.Auth.Id)
	if err := e.App.Save(record); err != nil {
		return err
	}
	return e.JSON(http.StatusOK, map[string]any{"id": record.Id, "title": title, "scos": scos})
}

// findLivePackage: the package, unless it does not exist or was removed.
func findLivePackage(app core.App, id string) (*core.Record, error) {
	return app.FindFirstRecordByFilter("scorm_packages", "id = {:id} && removed = ''", dbx.Params{"id": id})
}

func removeScormPackage(e *core.RequestEvent) error {
	if !isAppUser(e) || e.Auth.GetString("role") != "admin" {
		return e.ForbiddenError("Bare Kompetanseteam barnehage (admin) kan fjerne SCORM-pakker.", nil)
	}
	record, err := findLivePackage(e.App, e.Request.PathValue("id"))
	if err != nil {
		return e.NotFoundError("Fant ikke pakken.", nil)
	}
	record.Set("removed", types.NowDateTime())
	if err := e.App.Save(record); err != nil {
		return err
	}
	return e.NoContent(http.StatusNoContent)
}

func listScormPackages(e *core.RequestEvent) error {
	if !isAppUser(e) {
		return e.UnauthorizedError("Du må være logget inn for å se eksterne kurs.", nil)
	}
	// ?alle=1 also lists removed packages (marked), so Min side can name the progress left from them.
	filter := "removed = ''"
	if e.Request.URL.Query().Get("alle") == "1" {
		filter = ""
	}
	records, err := e.App.FindRecordsByFilter("scorm_packages", filter, "title", 0, 0)
	if err != nil {
		return err
	}
	items := make([]map[string]any, 0, len(records))
	for _, r := range records {
		var scos []scormSco
		if err := json.Unmarshal([]byte(r.GetString("scos")), &scos); err != nil {
			return err
		}
		items = append(items, map[string]any{
			"id":      r.Id,
			"title":   r.GetString("title"),
			"scos":    scos,
			"created": r.GetString("created"),
			"updated": r.GetString("updated"),
			"removed": r.GetString("removed") != "",
		})
	}
	return e.JSON(http.StatusOK, map[string]any{"items": items})
}
