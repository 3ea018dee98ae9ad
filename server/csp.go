package main

import (
	"html"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

// fallbackPolicy is the Content-Security-Policy of everything that is not one of the site's pages
// (scripts, styles, images, a page without a policy of its own): nothing but our own origin.
const fallbackPolicy = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'"

var metaPolicy = regexp.MustCompile(`(?i)<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"`)

// pagePolicy is the Content-Security-Policy header for a request to the site. Astro writes each
// page's policy (with the hashes of that page's inline island scripts and styles) into a <meta>;
// the header repeats it, so it holds from the first byte, and adds frame-ancestors, which browsers
// ignore in a <meta>.
func pagePolicy(site fs.FS, urlPath string) string {
	page, err := fs.ReadFile(site, pageFile(urlPath))
	if err != nil {
		return fallbackPolicy
	}
	found := metaPolicy.FindSubmatch(page)
	if found == nil {
		return fallbackPolicy
	}
	policy := strings.TrimRight(strings.TrimSpace(html.UnescapeString(string(found[1]))), ";")
	return policy + "; frame-ancestors 'self'"
}

// pageFile is the file of the built site that answers a URL path, as Astro's directory format
// lays them out (/kurs/ -> kurs/index.html).
func pageFile(urlPath string) string {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	switch {
	case name == "":
		return "index.html"
	case strings.HasSuffix(name, ".html"):
		return name
	case path.Ext(name) != "":
		return name // an asset: read as is, and it holds no <meta>
	default:
		return name + "/index.html"
	}
}
