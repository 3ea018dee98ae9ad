package staffimport

import (
	"crypto/rand"
	"errors"
	"fmt"
	"sort"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/crypto/bcrypt"
)

// state is what the file is compared with, read in the same transaction that writes.
type state struct {
	kindergartens []Kindergarten
	people        []Person
	departments   []Department
	records       map[string]*core.Record // users by id, for the updates
}

func loadState(app core.App, v *vocabulary) (*state, error) {
	bhRecords, err := app.FindAllRecords("barnehager")
	if err != nil {
		return nil, err
	}
	userRecords, err := app.FindAllRecords("users")
	if err != nil {
		return nil, err
	}
	s := &state{records: make(map[string]*core.Record, len(userRecords))}
	for _, r := range bhRecords {
		s.kindergartens = append(s.kindergartens, Kindergarten{ID: r.Id, Name: r.GetString("name"), Pulje: r.GetInt("pulje"), Eierform: r.GetString("eierform")})
	}
	for _, r := range userRecords {
		s.records[r.Id] = r
		s.people = append(s.people, Person{
			ID: r.Id, Email: r.Email(), Name: r.GetString("name"), Barnehage: r.GetString("barnehage"),
			Stilling: r.GetString("stilling"), Role: r.GetString("role"), Avdeling: r.GetString("avdeling"),
		})
	}
	if v.avdeling == avdelingRelation {
		depRecords, err := app.FindAllRecords(v.avdelingCollection)
		if err != nil {
			return nil, err
		}
		for _, r := range depRecords {
			s.departments = append(s.departments, Department{ID: r.Id, Barnehage: r.GetString("barnehage"), Name: r.GetString("name")})
		}
	}
	return s, nil
}

// lineError is a record that PocketBase refused to save, tied to its line in the file.
type lineError struct {
	Problem
	err error
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.err) }

// apply writes the plan; the caller runs it in a transaction, so a refused record undoes all.
// It returns the people it created, for the invitations.
func apply(tx core.App, plan *Plan, st *state, fields func(string) string) ([]*core.Record, error) {
	barnehager, err := tx.FindCollectionByNameOrId("barnehager")
	if err != nil {
		return nil, err
	}
	users, err := tx.FindCollectionByNameOrId("users")
	if err != nil {
		return nil, err
	}
	newIDs := map[string]string{}
	for _, k := range plan.NewBarnehager {
		record := core.NewRecord(barnehager)
		record.Set("name", k.Name)
		record.Set("pulje", k.Pulje)
		record.Set("eierform", k.Eierform)
		if err := tx.Save(record); err != nil {
			return nil, &lineError{Problem{k.Line, fields(colBarnehage), refusedKindergarten(barnehager, k.Name, err)}, err}
		}
		newIDs[strings.ToLower(k.Name)] = record.Id
	}

	var created []*core.Record
	var unusableHash string
	for _, person := range plan.People {
		barnehage := person.barnehageID
		if barnehage == "" {
			barnehage = newIDs[person.barnehageKey]
		}
		var record *core.Record
		switch person.Action {
		case actionCreate:
			if unusableHash == "" {
				if unusableHash, err = unusablePasswordHash(); err != nil {
					return nil, err
				}
			}
			record = core.NewRecord(users)
			record.SetEmail(person.Email)
			record.SetVerified(true)
			record.SetEmailVisibility(false)
			// A bcrypt hash of a secret nobody keeps: no one can log in until the person sets
			// their own password from the invitation. One hash per import instead of one per
			// person keeps 2,000 people from costing minutes of bcrypt. The field validates a
			// *PasswordFieldValue (a bare hash string only passes when read from the database).
			record.SetRaw(core.FieldNamePassword, &core.PasswordFieldValue{Hash: unusableHash})
		case actionUpdate:
			record = st.records[person.existingID]
		default:
			continue
		}
		record.Set("name", person.Name)
		record.Set("barnehage", barnehage)
		record.Set("stilling", person.Stilling)
		record.Set("role", person.Role)
		if plan.avdeling != avdelingNone {
			record.Set("avdeling", person.avdelingValue)
		}
		if err := tx.Save(record); err != nil {
			return nil, &lineError{Problem{person.Line, "", fmt.Sprintf("Personen kunne ikke lagres: databasen godtok ikke %s.", refusedFields(err))}, err}
		}
		if person.Action == actionCreate {
			created = append(created, record)
		}
	}
	return created, nil
}

func unusablePasswordHash() (string, error) {
	secret := make([]byte, 48)
	if _, err := rand.Read(secret); err != nil {
		return "", err
	}
	// bcrypt reads at most 72 bytes; 48 random bytes are far beyond guessing.
	hash, err := bcrypt.GenerateFromPassword(secret, bcrypt.DefaultCost)
	return string(hash), err
}

// refusedKindergarten says in Norwegian why the schema refused a new kindergarten: in practice a
// name outside the length the collection allows.
func refusedKindergarten(collection *core.Collection, name string, err error) string {
	var refused validation.Errors
	if field, ok := collection.Fields.GetByName("name").(*core.TextField); ok && errors.As(err, &refused) && refused["name"] != nil {
		return fmt.Sprintf("Barnehagen «%s» kunne ikke opprettes: navnet må ha mellom %d og %d tegn.", name, field.Min, field.Max)
	}
	return fmt.Sprintf("Barnehagen «%s» kunne ikke opprettes: databasen godtok ikke %s.", name, refusedFields(err))
}

func refusedFields(err error) string {
	var refused validation.Errors
	if !errors.As(err, &refused) || len(refused) == 0 {
		return "verdiene"
	}
	names := make([]string, 0, len(refused))
	for name := range refused {
		names = append(names, "«"+name+"»")
	}
	sort.Strings(names)
	return "feltet " + strings.Join(names, ", ")
}
