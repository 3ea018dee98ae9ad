package main

// Serving an uploaded package's files: GET /api/tettpa/scorm/packages/{id}/files/{ticket}/{path...},
// only with a valid file ticket (server/scorm_ticket.go) from a logged-in user.
// An uploaded package never runs with our site's privileges: every file is sent with
// `Content-Security-Policy: sandbox`, so the browser gives the package an opaque origin of its
// own, even when a file is opened directly. Its scripts cannot read our origin's localStorage
// (where the learner's token is) and their requests to /api carry no token: they get what an
// anonymous visitor gets. The player talks to a package only by postMessage.

import (
	"archive/zip"
	"errors"
	"io"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// packageSandbox lets a package run its scripts and forms, open windows and show dialogs, but
// never as our origin (no allow-same-origin) and never by navigating the page around it.
const packageSandbox = "sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads"

// bridgeTag loads the API bridge (src/pages/scorm-bro.js.ts) before any script of the package.
const bridgeTag = `<script src="/scorm-bro.js"></script>`

var headTag = regexp.MustCompile(`(?i)<head(\s[^>]*)?>`)

// withBridge puts the bridge first in <head>, or first in the page when it has no <head>.
func withBridge(page []byte) []byte {
	if loc := headTag.FindIndex(page); loc != nil {
		out := make([]byte, 0, len(page)+len(bridgeTag))
		out = append(out, page[:loc[1]]...)
		out = append(out, bridgeTag...)
		return append(out, page[loc[1]:]...)
	}
	return append([]byte(bridgeTag), page...)
}

// seekReaderAt gives archive/zip the ReaderAt it needs over the storage's seekable reader.
type seekReaderAt struct {
	mu sync.Mutex
	r  io.ReadSeeker
}

func (s *seekReaderAt) ReadAt(p []byte, off int64) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.r.Seek(off, io.SeekStart); err != nil {
		return 0, err
	}
	n, err := io.ReadFull(s.r, p)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = io.EOF
	}
	return n, err
}

func registerScormFileRoute(se *core.ServeEvent) {
	se.Router.GET("/api/tettpa/scorm/packages/{id}/ticket", issueFileTicket)
	se.Router.GET("/api/tettpa/scorm/packages/{id}/files/{ticket}/{path...}", servePackageFile)
}

func servePackageFile(e *core.RequestEvent) error {
	h := e.Response.Header()
	h.Set("Content-Security-Policy", packageSandbox)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")

	// Written here rather than returned as an error, so the answer keeps the sandbox header.
	notFound := func() error {
		return e.JSON(http.StatusNotFound, map[string]any{"status": http.StatusNotFound, "message": "Fant ikke filen i pakken.", "data": map[string]any{}})
	}
	record, err := findLivePackage(e.App, e.Request.PathValue("id"))
	if err != nil {
		return notFound()
	}
	if !validFileTicket(record.Id, e.Request.PathValue("ticket"), time.Now()) {
		return e.JSON(http.StatusForbidden, map[string]any{"status": http.StatusForbidden, "message": "Lenken til pakken er ugyldig eller utløpt. Åpne kurset på nytt.", "data": map[string]any{}})
	}
	wanted := e.Request.PathValue("path")
	if wanted == "" || unsafePath(wanted) != "" {
		return notFound()
	}
	wanted = launchPath(wanted)

	fsys, err := e.App.NewFilesystem()
	if err != nil {
		return err
	}
	defer fsys.Close()
	blob, err := fsys.GetReader(record.BaseFilesPath() + "/" + record.GetString("archive"))
	if err != nil {
		return notFound()
	}
	defer blob.Close()
	archive, err := zip.NewReader(&seekReaderAt{r: blob}, blob.Size())
	if err != nil {
		return err
	}
	for _, f := range archive.File {
		if f.FileInfo().IsDir() || launchPath(f.Name) != wanted {
			continue
		}
		content, err := f.Open()
		if err != nil {
			return err
		}
		defer content.Close()
		kind := mime.TypeByExtension(strings.ToLower(path.Ext(wanted)))
		if kind == "" {
			kind = "application/octet-stream"
		}
		h.Set("Content-Type", kind)
		h.Set("Cache-Control", "no-cache")
		if strings.HasPrefix(kind, "text/html") {
			page, err := io.ReadAll(content)
			if err != nil {
				return err
			}
			e.Response.WriteHeader(http.StatusOK)
			_, err = e.Response.Write(withBridge(page))
			return err
		}
		e.Response.WriteHeader(http.StatusOK)
		_, err = io.Copy(e.Response, content)
		return err
	}
	return notFound()
}
