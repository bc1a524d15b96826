package scaffold

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// yamlValue formats s as a YAML scalar that reads back as the string s:
// plain when yaml.v3 would write it plain, double-quoted otherwise. "" stays
// "" so templates can fall back to a placeholder with "or".
func yamlValue(s string) string {
	if s == "" {
		return ""
	}
	b, err := yaml.Marshal(s)
	out := strings.TrimSuffix(string(b), "\n")
	if err != nil || strings.ContainsAny(out, "\n") || strings.HasPrefix(out, "|") || strings.HasPrefix(out, ">") {
		return quoted(s)
	}
	return out
}

// quoted formats s as a double-quoted YAML scalar.
func quoted(s string) string { return strconv.Quote(s) }
