package qms

import "strings"

// Organization is what qms.yaml at the root of a manual says about the
// body the manual belongs to and the site built from it.
type Organization struct {
	// Name is the current name ("Ủy ban nhân dân xã Hưng Lộc"),
	// ShortName an abbreviation for narrow places ("UBND xã Hưng Lộc").
	Name      string
	ShortName string
	// History lists former names, each used until its Until date.
	History []FormerName
	Site    Site
	// Units are the organisational units with their former names, so
	// that a document written under an old name finds the current one.
	Units []Unit
	// Default reports that the manual has no qms.yaml and the fields
	// above are DefaultOrganization's.
	Default bool
}

// FormerName is a name used until a date: Until is the last day the name
// was in force (inclusive, as "dùng đến ngày" reads; the next name is in
// force from the day after), changed by Decision.
type FormerName struct {
	Name     string
	Until    Date
	Decision *Citation // nil when not given
	Pos      Pos
}

// Site is how the site built from the manual presents itself.
type Site struct {
	Title    string
	BaseURL  string
	Language string
}

// Unit is an organisational unit: its current name and former ones.
type Unit struct {
	Name    string
	History []FormerName
	Pos     Pos
}

// Default names used when a manual has no qms.yaml.
const (
	DefaultOrgName   = "Cơ quan"
	DefaultSiteTitle = "Hệ thống quản lý chất lượng ISO 9001"
	DefaultLanguage  = "vi"
)

// DefaultOrganization is the neutral organisation of a manual without
// qms.yaml (Default is set).
func DefaultOrganization() Organization {
	return Organization{
		Name:    DefaultOrgName,
		Site:    Site{Title: DefaultSiteTitle, Language: DefaultLanguage},
		Default: true,
	}
}

// NameOn returns the organisation's name in force on date: the former
// name with the earliest Until on or after date, else the current name.
func (o *Organization) NameOn(date Date) string {
	return nameOn(o.Name, o.History, date)
}

func nameOn(current string, history []FormerName, date Date) string {
	name, until := current, Date{}
	for _, h := range history {
		if !date.After(h.Until) && (until.IsZero() || h.Until.Before(until)) {
			name, until = h.Name, h.Until
		}
	}
	return name
}

// CanonicalUnit returns the current name of the unit that name, current
// or former, designates; ok is false (and name is returned as given)
// when no unit has that name. Names are compared with surrounding and
// repeated spaces ignored.
func (o *Organization) CanonicalUnit(name string) (string, bool) {
	n := strings.Join(strings.Fields(name), " ")
	for _, u := range o.Units {
		if strings.Join(strings.Fields(u.Name), " ") == n {
			return u.Name, true
		}
	}
	for _, u := range o.Units {
		for _, h := range u.History {
			if strings.Join(strings.Fields(h.Name), " ") == n {
				return u.Name, true
			}
		}
	}
	return name, false
}
