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

// flagErrors translate the flag package's error lines.
var flagErrors = []struct {
	re *regexp.Regexp
	vi string
}{
	{regexp.MustCompile(`^flag provided but not defined: -+(.*)$`), "không có tùy chọn --$1"},
	{regexp.MustCompile(`^flag needs an argument: -+(.*)$`), "tùy chọn --$1 cần một giá trị"},
	{regexp.MustCompile(`^invalid boolean value (".*") for -+(\S+): .*$`), "giá trị $1 không hợp lệ cho --$2 (chỉ nhận true hoặc false)"},
	{regexp.MustCompile(`^invalid boolean flag (\S+): .*$`), "tùy chọn --$1 không nhận giá trị này (chỉ nhận true hoặc false)"},
	{regexp.MustCompile(`^invalid value (".*") for flag -+(\S+): .*$`), "giá trị $1 không hợp lệ cho --$2"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "tùy chọn viết sai cú pháp: $1"},
}

// flagErrorText is the flag package's error line m in Vietnamese.
func flagErrorText(m string) string {
	for _, f := range flagErrors {
		if f.re.MatchString(m) {
			return f.re.ReplaceAllString(m, f.vi)
		}
	}
	return "tùy chọn không hợp lệ: " + m
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
