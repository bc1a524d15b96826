package main

import (
	"bytes"
	"flag"
	"fmt"
	"regexp"
	"strings"
)

// newFlagSet returns the flag set of command name, whose errors and usage
// are printed in Vietnamese on e.Stderr: the flag package writes its
// (English) error line to the set's output and then calls Usage, so the
// output keeps the line and Usage prints it translated.
func newFlagSet(name string, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	var msg bytes.Buffer
	fs.SetOutput(&msg)
	fs.Usage = func() {
		if m := strings.TrimSpace(msg.String()); m != "" {
			msg.Reset()
			fmt.Fprintf(e.Stderr, "qms %s: %s\nChạy \"qms help %s\" để xem cách dùng.\n", name, flagErrorText(m), name)
			return
		}
		fmt.Fprintf(e.Stderr, "Cách dùng: qms %s [tham số]\n\nTham số:\n", name)
		fs.VisitAll(func(f *flag.Flag) {
			value, usage := flag.UnquoteUsage(f)
			if value == "" || value == "value" {
				value = "" // a bool flag takes no value
			} else if value == "string" {
				value = " GIÁ_TRỊ"
			} else {
				value = " " + value
			}
			def := ""
			if f.DefValue != "" && f.DefValue != "false" {
				def = fmt.Sprintf(" (mặc định: %s)", f.DefValue)
			}
			fmt.Fprintf(e.Stderr, "  --%s%s\n\t%s%s\n", f.Name, value, usage, def)
		})
		fmt.Fprintf(e.Stderr, "\nChạy \"qms help %s\" để xem chi tiết.\n", name)
	}
	return fs
}

// flagErrors translate the flag package's error lines.
var flagErrors = []struct {
	re *regexp.Regexp
	vi string
}{
	{regexp.MustCompile(`^flag provided but not defined: -+(.*)$`), "không có tham số --$1"},
	{regexp.MustCompile(`^flag needs an argument: -+(.*)$`), "tham số --$1 cần một giá trị"},
	{regexp.MustCompile(`^invalid boolean value (".*") for -+(\S+): .*$`), "giá trị $1 không hợp lệ cho --$2 (chỉ nhận true hoặc false)"},
	{regexp.MustCompile(`^invalid boolean flag (\S+): .*$`), "tham số --$1 không nhận giá trị này (chỉ nhận true hoặc false)"},
	{regexp.MustCompile(`^invalid value (".*") for flag -+(\S+): .*$`), "giá trị $1 không hợp lệ cho --$2"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "tham số sai cú pháp: $1"},
}

// flagErrorText is the flag package's error line m in Vietnamese.
func flagErrorText(m string) string {
	for _, f := range flagErrors {
		if f.re.MatchString(m) {
			return f.re.ReplaceAllString(m, f.vi)
		}
	}
	return "tham số không hợp lệ: " + m
}
