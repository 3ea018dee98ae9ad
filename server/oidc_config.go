package main

// Sign-in with the municipality's own identity provider (Entra ID for Bærum's kindergartens):
// PocketBase's generic OIDC provider on `users`, configured from the environment at every start so
// that the server's settings, not clicks in the admin UI, decide whether the button exists.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

const (
	oidcProviderName   = "oidc"
	oidcDefaultName    = "Bærum-konto"
	oidcDefaultClaims  = "email,upn,preferred_username"
	oidcDiscoveryLimit = 15 * time.Second
)

// oidcEnv is what the operator sets. Everything else is read from the issuer's discovery document.
type oidcEnv struct {
	Issuer       string
	AuthURL      string
	TokenURL     string
	UserInfoURL  string
	JWKSURL      string
	ClientID     string
	ClientSecret string
	DisplayName  string
}

// readOIDCEnv returns nil when sign-in with an identity provider is not configured at all, and an
// error in Norwegian when it is configured by halves (the operator must hear about that at start).
func readOIDCEnv(getenv func(string) string) (*oidcEnv, error) {
	get := func(name string) string { return strings.TrimSpace(getenv(name)) }
	env := &oidcEnv{
		Issuer:       strings.TrimRight(get("TETTPA_OIDC_ISSUER"), "/"),
		AuthURL:      get("TETTPA_OIDC_AUTH_URL"),
		TokenURL:     get("TETTPA_OIDC_TOKEN_URL"),
		UserInfoURL:  get("TETTPA_OIDC_USERINFO_URL"),
		JWKSURL:      get("TETTPA_OIDC_JWKS_URL"),
		ClientID:     get("TETTPA_OIDC_CLIENT_ID"),
		ClientSecret: get("TETTPA_OIDC_CLIENT_SECRET"),
		DisplayName:  get("TETTPA_OIDC_NAME"),
	}
	if env.DisplayName == "" {
		env.DisplayName = oidcDefaultName
	}

	anySet := env.Issuer != "" || env.AuthURL != "" || env.TokenURL != "" || env.UserInfoURL != "" || env.ClientID != "" || env.ClientSecret != ""
	if !anySet {
		return nil, nil
	}

	var missing []string
	if env.ClientID == "" {
		missing = append(missing, "TETTPA_OIDC_CLIENT_ID")
	}
	if env.ClientSecret == "" {
		missing = append(missing, "TETTPA_OIDC_CLIENT_SECRET")
	}
	if env.Issuer == "" && (env.AuthURL == "" || env.TokenURL == "") {
		missing = append(missing, "TETTPA_OIDC_ISSUER (eller både TETTPA_OIDC_AUTH_URL og TETTPA_OIDC_TOKEN_URL)")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("innlogging med %s er bare delvis satt opp: mangler %s", env.DisplayName, strings.Join(missing, ", "))
	}
	for name, value := range map[string]string{
		"TETTPA_OIDC_ISSUER": env.Issuer, "TETTPA_OIDC_AUTH_URL": env.AuthURL, "TETTPA_OIDC_TOKEN_URL": env.TokenURL,
		"TETTPA_OIDC_USERINFO_URL": env.UserInfoURL, "TETTPA_OIDC_JWKS_URL": env.JWKSURL,
	} {
		if value == "" {
			continue
		}
		if u, err := url.Parse(value); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, fmt.Errorf("%s må være en adresse som begynner med https:// (fikk %q)", name, value)
		}
	}
	return env, nil
}

// emailClaimsFromEnv names the claims that may carry the person's e-mail, most trusted first.
func emailClaimsFromEnv(getenv func(string) string) []string {
	value := strings.TrimSpace(getenv("TETTPA_OIDC_EMAIL_CLAIMS"))
	if value == "" {
		value = oidcDefaultClaims
	}
	var claims []string
	for _, c := range strings.Split(value, ",") {
		if c = strings.TrimSpace(c); c != "" {
			claims = append(claims, c)
		}
	}
	return claims
}

type oidcDiscovery struct {
	Issuer                string `json:"issuer"`
	AuthorizationEndpoint string `json:"authorization_endpoint"`
	TokenEndpoint         string `json:"token_endpoint"`
	UserinfoEndpoint      string `json:"userinfo_endpoint"`
	JWKSURI               string `json:"jwks_uri"`
}

func discoverOIDC(ctx context.Context, issuer string) (*oidcDiscovery, error) {
	ctx, cancel := context.WithTimeout(ctx, oidcDiscoveryLimit)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, issuer+"/.well-known/openid-configuration", nil)
	if err != nil {
		return nil, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("svarte %d", res.StatusCode)
	}
	doc := &oidcDiscovery{}
	if err := json.NewDecoder(res.Body).Decode(doc); err != nil {
		return nil, fmt.Errorf("kunne ikke lese svaret: %w", err)
	}
	if doc.AuthorizationEndpoint == "" || doc.TokenEndpoint == "" {
		return nil, errors.New("svaret mangler authorization_endpoint eller token_endpoint")
	}
	return doc, nil
}

// providerConfig turns the env (and the discovery document, when there is an issuer) into
// PocketBase's provider settings. Without an explicit userinfo address the claims are read from
// the id_token, checked against the issuer's keys and name: Entra ID puts `upn` and
// `preferred_username` there, while its userinfo endpoint leaves them out.
func (env *oidcEnv) providerConfig(ctx context.Context) (core.OAuth2ProviderConfig, error) {
	cfg := core.OAuth2ProviderConfig{
		Name:         oidcProviderName,
		ClientId:     env.ClientID,
		ClientSecret: env.ClientSecret,
		AuthURL:      env.AuthURL,
		TokenURL:     env.TokenURL,
		UserInfoURL:  env.UserInfoURL,
		DisplayName:  env.DisplayName,
		Extra:        map[string]any{},
	}
	jwks := env.JWKSURL
	if env.Issuer != "" {
		doc, err := discoverOIDC(ctx, env.Issuer)
		if err != nil {
			return cfg, fmt.Errorf("fant ikke OIDC-oppsettet på %s/.well-known/openid-configuration: %w", env.Issuer, err)
		}
		if cfg.AuthURL == "" {
			cfg.AuthURL = doc.AuthorizationEndpoint
		}
		if cfg.TokenURL == "" {
			cfg.TokenURL = doc.TokenEndpoint
		}
		if jwks == "" {
			jwks = doc.JWKSURI
		}
		issuer := doc.Issuer
		if issuer == "" {
			issuer = env.Issuer
		}
		cfg.Extra["issuers"] = []string{issuer}
	}
	if jwks != "" {
		cfg.Extra["jwksURL"] = jwks
	}
	return cfg, nil
}

// applyOIDCProvider puts our provider into the `users` collection (or takes it out, when cfg is
// nil). Providers an admin added by hand are left alone; OAuth2 is on while any provider is there.
func applyOIDCProvider(app core.App, cfg *core.OAuth2ProviderConfig) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	providers := make([]core.OAuth2ProviderConfig, 0, len(users.OAuth2.Providers)+1)
	for _, p := range users.OAuth2.Providers {
		if p.Name != oidcProviderName {
			providers = append(providers, p)
		}
	}
	if cfg != nil {
		providers = append(providers, *cfg)
	}
	enabled := len(providers) > 0
	if enabled == users.OAuth2.Enabled && sameProviders(providers, users.OAuth2.Providers) {
		return nil // nothing changed: no schema write at every start
	}
	users.OAuth2.Providers = providers
	users.OAuth2.Enabled = enabled
	return app.Save(users)
}

// sameProviders compares as stored (JSON), since a config read back from the database holds
// []any where ours holds []string.
func sameProviders(a, b []core.OAuth2ProviderConfig) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

// registerOIDC configures the provider when the server starts. A partial configuration stops the
// start with a message; an issuer that cannot be reached leaves the button away (password login
// works as before) and is tried again every minute until it answers.
func registerOIDC(app core.App) {
	// Every OAuth2 sign-in on `users` (ours, or a provider an admin adds by hand) may only reach
	// someone who already has an account.
	app.OnRecordAuthWithOAuth2Request("users").BindFunc(func(e *core.RecordAuthWithOAuth2RequestEvent) error {
		return matchExistingUser(e, emailClaimsFromEnv(os.Getenv))
	})

	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		env, err := readOIDCEnv(os.Getenv)
		if err != nil {
			// PocketBase ends `serve` with exit code 0 and no word on a hook's error; an operator
			// (and systemd) must see both.
			fmt.Fprintln(os.Stderr, "Tett på læring kan ikke starte: "+err.Error()+".")
			os.Exit(1)
		}
		if env == nil {
			if err := applyOIDCProvider(app, nil); err != nil {
				return fmt.Errorf("kunne ikke slå av innlogging med OIDC: %w", err)
			}
			return e.Next()
		}

		ctx, stop := context.WithCancel(context.Background())
		app.OnTerminate().BindFunc(func(te *core.TerminateEvent) error {
			stop()
			return te.Next()
		})
		if configured := configureOIDC(ctx, app, env); !configured {
			go func() {
				ticker := time.NewTicker(oidcRetryInterval(os.Getenv))
				defer ticker.Stop()
				for {
					select {
					case <-ctx.Done():
						return
					case <-ticker.C:
						if configureOIDC(ctx, app, env) {
							return
						}
					}
				}
			}()
		}
		return e.Next()
	})
}

// oidcRetryInterval is a minute unless TETTPA_OIDC_RETRY_SECONDS says otherwise (the tests wait
// one second rather than sixty).
func oidcRetryInterval(getenv func(string) string) time.Duration {
	if seconds, err := strconv.Atoi(strings.TrimSpace(getenv("TETTPA_OIDC_RETRY_SECONDS"))); err == nil && seconds > 0 {
		return time.Duration(seconds) * time.Second
	}
	return time.Minute
}

func configureOIDC(ctx context.Context, app core.App, env *oidcEnv) bool {
	cfg, err := env.providerConfig(ctx)
	if err == nil {
		err = applyOIDCProvider(app, &cfg)
		if err == nil {
			app.Logger().Info("Innlogging med " + env.DisplayName + " er slått på")
			return true
		}
	}
	msg := fmt.Sprintf("Innlogging med %s er av inntil videre (prøver igjen snart): %v", env.DisplayName, err)
	log.Print(msg)
	app.Logger().Error(msg)
	_ = applyOIDCProvider(app, nil)
	return false
}
