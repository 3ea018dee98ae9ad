package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// applyEnvSettings copies the operator's mail and address settings from the environment into
// PocketBase's settings at every start. The environment is the one place an operator sets them
// (README, "I drift"); a value changed in the admin UI is overwritten at the next start, which is
// what an operator who runs the server from a unit file or container expects.
func applyEnvSettings(app core.App) error {
	settings := app.Settings()
	changed := false
	set := func(target *string, value string) {
		if *target != value {
			*target = value
			changed = true
		}
	}

	set(&settings.Meta.AppName, "Tett på læring")
	if url := strings.TrimRight(strings.TrimSpace(os.Getenv("TETTPA_PUBLIC_URL")), "/"); url != "" {
		set(&settings.Meta.AppURL, url)
	}
	if from := strings.TrimSpace(os.Getenv("TETTPA_MAIL_FROM")); from != "" {
		set(&settings.Meta.SenderAddress, from)
	}
	set(&settings.Meta.SenderName, "Tett på læring")

	if host := strings.TrimSpace(os.Getenv("SMTP_HOST")); host != "" {
		port := 587
		if raw := strings.TrimSpace(os.Getenv("SMTP_PORT")); raw != "" {
			parsed, err := strconv.Atoi(raw)
			if err != nil || parsed < 1 || parsed > 65535 {
				return fmt.Errorf("SMTP_PORT må være et portnummer (1–65535), ikke %q", raw)
			}
			port = parsed
		}
		tls := false
		switch strings.ToLower(strings.TrimSpace(os.Getenv("SMTP_TLS"))) {
		case "", "0", "false", "nei":
		case "1", "true", "ja":
			tls = true
		default:
			return fmt.Errorf("SMTP_TLS må være true eller false, ikke %q", os.Getenv("SMTP_TLS"))
		}
		smtp := settings.SMTP
		smtp.Enabled = true
		smtp.Host = host
		smtp.Port = port
		smtp.Username = os.Getenv("SMTP_USERNAME")
		smtp.Password = os.Getenv("SMTP_PASSWORD")
		smtp.TLS = tls
		if smtp != settings.SMTP {
			settings.SMTP = smtp
			changed = true
		}
	}

	// Behind a reverse proxy every request comes from the proxy's address; the login logs and the
	// admin UI's request log need the learner's. Only the header the operator names is trusted.
	if header := strings.TrimSpace(os.Getenv("TETTPA_TRUSTED_PROXY_HEADER")); header != "" {
		if len(settings.TrustedProxy.Headers) != 1 || settings.TrustedProxy.Headers[0] != header || settings.TrustedProxy.UseLeftmostIP {
			settings.TrustedProxy.Headers = []string{header}
			settings.TrustedProxy.UseLeftmostIP = false
			changed = true
		}
	}

	if !changed {
		return nil
	}
	return app.Save(settings)
}
