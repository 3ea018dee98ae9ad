// Command tettpa-server is PocketBase built as a Go framework: the JS hooks (pb_hooks) and
// JS migrations (pb_migrations) hold our schema and logic, and the built Astro site is
// served from the same origin so that the site and the API never need CORS.
package main

import (
	"errors"
	"io/fs"
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/jsvm"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/router"

	"tettpa/server/staffimport"
)

func main() {
	app := pocketbase.New()

	var hooksDir, migrationsDir, publicDir string
	var hooksWatch, indexFallback bool
	flags := app.RootCmd.PersistentFlags()
	flags.StringVar(&hooksDir, "hooksDir", "", "the directory with the JS app hooks")
	flags.StringVar(&migrationsDir, "migrationsDir", "", "the directory with the JS migrations")
	flags.StringVar(&publicDir, "publicDir", "dist", "the directory with the built site")
	flags.BoolVar(&hooksWatch, "hooksWatch", false, "restart the app when a pb_hooks file changes (development)")
	flags.BoolVar(&indexFallback, "indexFallback", false, "serve index.html for missing paths (SPA mode; off for our multi-page site)")
	app.RootCmd.ParseFlags(os.Args[1:])

	jsvm.MustRegister(app, jsvm.Config{
		HooksDir:      hooksDir,
		MigrationsDir: migrationsDir,
		HooksWatch:    hooksWatch,
		// Without a pool every hook and route call builds a fresh JS runtime with all its bindings:
		// under load that, not SQLite, was the cost of a progress commit. 15 is PocketBase's own default.
		HooksPoolSize: 15,
	})

	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{
		TemplateLang: migratecmd.TemplateLangJS,
		Dir:          migrationsDir,
		// Schema changes are reviewed migration files, never generated from clicks in the admin UI.
		Automigrate: false,
	})

	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		if err := applyEnvSettings(e.App); err != nil {
			return err
		}
		return e.Next()
	})

	registerOIDC(app) // sign-in with the municipality's identity provider (server/oidc_config.go)

	// Staff import (issue 10): the admin page /admin/import/ posts the spreadsheet here.
	staffimport.Register(app, AfterStaffImport)

	// Uploaded SCORM 1.2 packages (server/scorm_routes.go).
	registerScormRoutes(app)

	// Progress at national scale: kindergarten on each row, totals for the reports (server/progress_scale.go).
	registerProgressScale(app)
	registerProgressCommit(app)
	registerProgressAdminList(app)

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Func: func(e *core.ServeEvent) error {
			if !e.Router.HasRoute(http.MethodGet, "/{path...}") {
				// Pages and scripts compress to a third: that matters on a kindergarten's weak Wi-Fi.
				e.Router.GET("/{path...}", siteHandler(os.DirFS(publicDir), indexFallback)).Bind(apis.Gzip())
			}
			return e.Next()
		},
		Priority: 999, // after every route of ours, so the site never shadows the API
	})

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// siteHandler serves the static site. A missing page answers 404 with the site's own
// Norwegian 404.html rather than PocketBase's JSON error, because people read it, not programs.
func siteHandler(site fs.FS, indexFallback bool) func(*core.RequestEvent) error {
	static := apis.Static(site, indexFallback)
	return func(e *core.RequestEvent) error {
		setSecurityHeaders(e.Response.Header(), e.Request.URL.Path)
		e.Response.Header().Set("Content-Security-Policy", pagePolicy(site, e.Request.URL.Path))
		err := static(e)
		if err == nil || !isNotFound(err) {
			return err
		}
		page, readErr := fs.ReadFile(site, "404.html")
		if readErr != nil {
			return err
		}
		e.Response.Header().Set("Content-Security-Policy", pagePolicy(site, "/404.html"))
		e.Response.Header().Set("Content-Type", "text/html; charset=utf-8")
		e.Response.WriteHeader(http.StatusNotFound)
		_, writeErr := e.Response.Write(page)
		return writeErr
	}
}

func isNotFound(err error) bool {
	if errors.Is(err, router.ErrFileNotFound) || errors.Is(err, fs.ErrNotExist) {
		return true
	}
	var apiErr *router.ApiError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusNotFound
}

func setSecurityHeaders(h http.Header, path string) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "SAMEORIGIN")
	// Astro fingerprints everything under /_astro/, so those files can be cached for good.
	if strings.HasPrefix(path, "/_astro/") {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
}
