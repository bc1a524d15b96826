package scaffold

import (
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// InitParams are the values `qms init` fills in.
type InitParams struct {
	// Name is the organisation's name (default qms.DefaultOrgName).
	Name string
	// Unit is the unit in charge of the framework processes, also the
	// first unit of qms.yaml (default DefaultInitUnit).
	Unit string
	// Effective is the drafts' planned effective date, YYYY-MM-DD.
	Effective string
}

// Defaults of `qms init`.
const (
	DefaultInitUnit = "Văn phòng"
	// initHead approves the framework processes and chairs the management
	// review.
	initHead = "Thủ trưởng cơ quan"
)

// initProcesses are the framework processes of a new manual, as in the
// national framework model for TCVN ISO 9001:2015: documented information,
// internal audit, nonconformity and corrective action, management review.
var initProcesses = []string{"qt-01", "qt-02", "qt-03", "qt-04"}

// Init renders a new manual: qms.yaml and the four framework processes as
// drafts. The drafts hold no placeholder, so that a new manual passes
// `qms check`: their steps, times and forms are the common model, which
// the organisation adapts before approval; qms.yaml says in comments what
// to change.
func Init(p InitParams) ([]*File, error) {
	cfg, err := InitConfig(p)
	if err != nil {
		return nil, err
	}
	files := []*File{cfg}
	data := initData(p)
	for _, name := range initProcesses {
		f, err := render("init/"+name, "processes/"+name+".md", strings.ToUpper(name), data)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// InitConfig renders qms.yaml alone, for a manual that has none.
func InitConfig(p InitParams) (*File, error) {
	if err := checkDate("--effective", p.Effective); err != nil {
		return nil, err
	}
	return renderFile("init/qms.yaml", qmsYAML, "", initData(p))
}

// qmsYAML is the manual's settings file (content.OrgFile).
const qmsYAML = "qms.yaml"

type initValues struct {
	Name, Unit, Head, Effective string
}

func initData(p InitParams) initValues {
	v := initValues{Name: clean(p.Name), Unit: clean(p.Unit), Head: initHead, Effective: clean(p.Effective)}
	if v.Name == "" {
		v.Name = qms.DefaultOrgName
	}
	if v.Unit == "" {
		v.Unit = DefaultInitUnit
	}
	return v
}
