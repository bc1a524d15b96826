package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// newFlagSet returns a flag set whose errors and usage are Vietnamese:
// the flag package's own English messages ("flag provided but not
// defined: -x", "Usage of check:") are caught and never printed; instead
// the error is translated and followed by the command's usage line and
// its flags. Parse returns the error (ContinueOnError) and the command
// exits 2.
func newFlagSet(name string, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	var msg bytes.Buffer
	fs.SetOutput(&msg)
	fs.Usage = func() {
		if m := strings.TrimSpace(msg.String()); m != "" {
			fmt.Fprintf(e.Stderr, "qms %s: %s\n", name, flagErrorText(m))
		}
		msg.Reset()
		writeFlagUsage(e.Stderr, name, fs)
	}
	return fs
}

var (
	reNotDefined = regexp.MustCompile(`^flag provided but not defined: (\S+)$`)
	reNeedsArg   = regexp.MustCompile(`^flag needs an argument: (\S+)$`)
	reBadSyntax  = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	reBadValue   = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?(\S+): (.*)$`)
)

// flagErrorText translates an error message of the flag package.
func flagErrorText(m string) string {
	if s := reNotDefined.FindStringSubmatch(m); s != nil {
		return "không có tùy chọn " + s[1]
	}
	if s := reNeedsArg.FindStringSubmatch(m); s != nil {
		return "tùy chọn " + s[1] + " cần một giá trị"
	}
	if s := reBadSyntax.FindStringSubmatch(m); s != nil {
		return "tùy chọn viết sai: " + s[1]
	}
	if s := reBadValue.FindStringSubmatch(m); s != nil {
		why := s[3]
		if why == "parse error" {
			why = "cần true hoặc false"
		}
		return "giá trị " + s[1] + " của tùy chọn " + s[2] + " không hợp lệ: " + why
	}
	return m
}

// usageOf maps a command's name to its usage line. It is filled by init,
// not by a variable's initializer: the commands' Run functions print it,
// so an initializer would refer to itself.
var usageOf = map[string]string{}

func init() {
	for _, c := range commands() {
		usageOf[c.Name] = c.Usage
	}
}

// writeFlagUsage prints the usage line of the command name ("new process"
// is the command new) and its flags, in Vietnamese.
func writeFlagUsage(w io.Writer, name string, fs *flag.FlagSet) {
	first, _, _ := strings.Cut(name, " ")
	if u, ok := usageOf[first]; ok {
		fmt.Fprintf(w, "Cách dùng: qms %s\n", u)
	}
	fmt.Fprintln(w, "Các tùy chọn:")
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		switch arg {
		case "":
		case "string", "value":
			arg = " GIÁ-TRỊ"
		default:
			arg = " " + arg
		}
		fmt.Fprintf(w, "  --%s%s\n        %s\n", f.Name, arg, usage)
	})
	fmt.Fprintf(w, "Chạy \"qms help %s\" để xem chi tiết.\n", first)
}

// wantsHelp reports whether args, before any "--", ask for help.
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}
