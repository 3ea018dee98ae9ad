package main

// Checking an uploaded SCORM 1.2 package before anything of it is stored: a zip with
// imsmanifest.xml at its root, well-formed XML, an organisation whose items point at resources
// that exist, launch files that exist, and no path that could leave the package. Every refusal
// is a Norwegian sentence that names the problem, for the admin who uploaded it.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

// scormSco is one launchable item of a package, as the route returns it.
type scormSco struct {
	Identifier string `json:"identifier"`
	Title      string `json:"title"`
	Launch     string `json:"launch"`
}

// packageError is a refusal the admin reads.
type packageError struct{ message string }

func (e *packageError) Error() string { return e.message }

func refuse(format string, args ...any) error {
	return &packageError{message: fmt.Sprintf(format, args...)}
}

// The manifest as far as we read it. Tags without a namespace match any namespace, so the IMS CP
// default namespace and ADL's adlcp prefix need no spelling out.
type manifestXML struct {
	XMLName  xml.Name `xml:"manifest"`
	Base     string   `xml:"base,attr"`
	Metadata struct {
		SchemaVersion string `xml:"schemaversion"`
	} `xml:"metadata"`
	Organizations struct {
		Default string            `xml:"default,attr"`
		List    []organizationXML `xml:"organization"`
	} `xml:"organizations"`
	Resources struct {
		Base string        `xml:"base,attr"`
		List []resourceXML `xml:"resource"`
	} `xml:"resources"`
}

type organizationXML struct {
	Identifier string    `xml:"identifier,attr"`
	Title      string    `xml:"title"`
	Items      []itemXML `xml:"item"`
}

type itemXML struct {
	Identifier    string    `xml:"identifier,attr"`
	IdentifierRef string    `xml:"identifierref,attr"`
	Parameters    string    `xml:"parameters,attr"`
	Title         string    `xml:"title"`
	Items         []itemXML `xml:"item"`
}

type resourceXML struct {
	Identifier string `xml:"identifier,attr"`
	Href       string `xml:"href,attr"`
	Base       string `xml:"base,attr"`
	Files      []struct {
		Href string `xml:"href,attr"`
	} `xml:"file"`
}

// The manifest is read whole; a real one is a few hundred kilobytes at most.
const maxManifestBytes = 10 << 20

var driveLetter = regexp.MustCompile(`^[A-Za-z]:`)

// unsafePath says why a path inside the package could point outside it ("" when it cannot).
func unsafePath(p string) string {
	clean := strings.ReplaceAll(p, `\`, "/")
	if strings.HasPrefix(clean, "/") || driveLetter.MatchString(clean) {
		return "absolutt sti"
	}
	for _, segment := range strings.Split(clean, "/") {
		if segment == ".." {
			return "sti som går ut av pakken med ../"
		}
	}
	return ""
}

// launchPath is the file part of a launch URL (no query, no fragment), with ./ and the like
// cleaned away, as it is named inside the zip.
func launchPath(href string) string {
	file := href
	if i := strings.IndexAny(file, "?#"); i >= 0 {
		file = file[:i]
	}
	return strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(file, `\`, "/")), "/")
}

// inspectScormPackage checks a SCORM 1.2 zip and returns its title and launchable items.
func inspectScormPackage(data []byte) (string, []scormSco, error) {
	archive, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", nil, refuse("Filen er ikke en zip-fil som kan leses. En SCORM-pakke er en .zip med imsmanifest.xml i roten.")
	}

	files := map[string]*zip.File{}
	var nestedManifest string
	for _, f := range archive.File {
		if reason := unsafePath(f.Name); reason != "" {
			return "", nil, refuse("Pakken inneholder en %s: `%s`. Filene i en pakke må ligge inne i pakken.", reason, f.Name)
		}
		if f.Mode()&fs.ModeSymlink != 0 {
			return "", nil, refuse("Pakken inneholder en lenke (symlink): `%s`. Lenker kan peke ut av pakken og godtas ikke.", f.Name)
		}
		name := launchPath(f.Name)
		if f.FileInfo().IsDir() {
			continue
		}
		files[name] = f
		if nestedManifest == "" && path.Base(name) == "imsmanifest.xml" && name != "imsmanifest.xml" {
			nestedManifest = name
		}
	}

	manifestFile, ok := files["imsmanifest.xml"]
	if !ok {
		if nestedManifest != "" {
			return "", nil, refuse("Manifestet imsmanifest.xml ligger i `%s`, ikke i roten av zip-filen. Pakk innholdet i mappen, ikke selve mappen.", path.Dir(nestedManifest)+"/")
		}
		return "", nil, refuse("Pakken mangler imsmanifest.xml i roten av zip-filen, så den er ikke en SCORM-pakke.")
	}
	raw, err := readZipFile(manifestFile)
	if err != nil {
		return "", nil, err
	}

	var manifest manifestXML
	if err := xml.Unmarshal(raw, &manifest); err != nil {
		return "", nil, refuse("Manifestet imsmanifest.xml er ikke gyldig XML: %s.", strings.TrimPrefix(err.Error(), "XML syntax error on "))
	}
	if v := strings.TrimSpace(manifest.Metadata.SchemaVersion); v != "" && v != "1.2" {
		return "", nil, refuse("Pakken er ikke SCORM 1.2 (imsmanifest.xml oppgir schemaversion «%s»). Bare SCORM 1.2-pakker kan lastes opp.", v)
	}

	org, err := chooseOrganization(manifest)
	if err != nil {
		return "", nil, err
	}
	resources := map[string]resourceXML{}
	for _, r := range manifest.Resources.List {
		resources[r.Identifier] = r
		for _, f := range r.Files {
			if reason := unsafePath(f.Href); reason != "" {
				return "", nil, refuse("Ressursen `%s` viser til en fil med %s: `%s`.", r.Identifier, reason, f.Href)
			}
		}
	}

	var scos []scormSco
	var walk func(items []itemXML) error
	walk = func(items []itemXML) error {
		for _, item := range items {
			title := strings.TrimSpace(item.Title)
			if title == "" {
				title = item.Identifier
			}
			if item.IdentifierRef != "" {
				resource, found := resources[item.IdentifierRef]
				if !found {
					return refuse("Elementet «%s» peker på ressursen `%s`, som ikke finnes i imsmanifest.xml.", title, item.IdentifierRef)
				}
				if strings.TrimSpace(resource.Href) == "" {
					return refuse("Ressursen `%s` (elementet «%s») har ingen startfil (href).", resource.Identifier, title)
				}
				launch := joinBase(manifest.Base, manifest.Resources.Base, resource.Base, strings.TrimSpace(resource.Href))
				if strings.Contains(launch, "://") {
					return refuse("Startfilen til «%s» ligger utenfor pakken (`%s`). Alt innhold må ligge i zip-filen.", title, launch)
				}
				if reason := unsafePath(launch); reason != "" {
					return refuse("Startfilen til «%s» har en %s: `%s`.", title, reason, launch)
				}
				if _, exists := files[launchPath(launch)]; !exists {
					return refuse("Pakken mangler startfilen `%s` (elementet «%s»).", launchPath(launch), title)
				}
				scos = append(scos, scormSco{Identifier: item.Identifier, Title: title, Launch: withParameters(launch, item.Parameters)})
			}
			if err := walk(item.Items); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(org.Items); err != nil {
		return "", nil, err
	}
	if len(scos) == 0 {
		return "", nil, refuse("Pakken har ingen leksjoner å starte: ingen elementer i organisasjonen peker på en ressurs med startfil.")
	}
	title := strings.TrimSpace(org.Title)
	if title == "" {
		title = scos[0].Title
	}
	return title, scos, nil
}

func chooseOrganization(manifest manifestXML) (organizationXML, error) {
	orgs := manifest.Organizations.List
	if len(orgs) == 0 {
		return organizationXML{}, refuse("Manifestet imsmanifest.xml har ingen organisasjon (<organization>), så pakken har ikke noe innhold å vise.")
	}
	if def := strings.TrimSpace(manifest.Organizations.Default); def != "" {
		for _, o := range orgs {
			if o.Identifier == def {
				return o, nil
			}
		}
		return organizationXML{}, refuse("Manifestet imsmanifest.xml oppgir organisasjonen `%s` som standard, men den finnes ikke.", def)
	}
	return orgs[0], nil
}

func readZipFile(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxManifestBytes {
		return nil, refuse("Manifestet imsmanifest.xml er større enn 10 MB; det er ikke et vanlig manifest.")
	}
	r, err := f.Open()
	if err != nil {
		return nil, refuse("Manifestet imsmanifest.xml kan ikke pakkes ut: zip-filen er skadet.")
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, maxManifestBytes+1))
	if err != nil || len(data) > maxManifestBytes {
		return nil, refuse("Manifestet imsmanifest.xml kan ikke pakkes ut: zip-filen er skadet.")
	}
	return data, nil
}

// joinBase puts xml:base values (manifest, resources, resource) in front of a resource's href.
func joinBase(parts ...string) string {
	joined := ""
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if strings.Contains(p, "://") || strings.HasPrefix(p, "/") {
			joined = p
			continue
		}
		if joined != "" && !strings.HasSuffix(joined, "/") {
			joined += "/"
		}
		joined += p
	}
	return joined
}

// withParameters adds an item's parameters to its launch URL, as SCORM 1.2 asks.
func withParameters(launch, parameters string) string {
	parameters = strings.TrimSpace(parameters)
	if parameters == "" {
		return launch
	}
	parameters = strings.TrimLeft(parameters, "?&")
	if strings.Contains(launch, "?") {
		return launch + "&" + parameters
	}
	return launch + "?" + parameters
}
