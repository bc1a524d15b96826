// Command qms validates and publishes the ISO 9001 quality manual kept as
// Markdown files in processes/, procedures/ and decisions/.
//
// Usage:
//
//	qms <command> [flags] [arguments]
//
// Run "qms help" for the list of commands and "qms help <command>" for one.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Exit codes, as go vet: 0 clean (warnings allowed), 1 errors reported,
// 2 usage or internal failure.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// command is one subcommand: a table entry, one file each.
type command struct {
	Name  string
	Usage string // "check [--root DIR] [--format text|json|github]"
	Short string // one line, Vietnamese
	Long  string
	Run   func(ctx context.Context, env *env, args []string) int
}

// env is what a command may touch: its streams and the working directory.
type env struct {
	Stdout io.Writer
	Stderr io.Writer
	Dir    string
}

func commands() []*command {
	cmds := []*command{
		cmdCheck,
	}
	cmds = append(cmds, extraCommands()...)
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].Name < cmds[j].Name })
	return cmds
}

func main() {
	ctx, stop := notifyStop(context.Background())
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// notifyStop returns a context cancelled by Ctrl+C or SIGTERM (a service
// manager, a CI job's timeout), so that a build removes its temporary
// directory and serve closes its connections before exiting.
func notifyStop(parent context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
}

// run is the whole program: it parses args, runs the command and returns
// the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(stderr, "qms:", err)
		return exitUsage
	}
	e := &env{Stdout: stdout, Stderr: stderr, Dir: wd}
	if len(args) == 0 {
		_ = usage(stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		return help(stdout, stderr, rest)
	}
	c := find(name)
	if c == nil {
		fmt.Fprintf(stderr, "qms: không có lệnh %q; chạy \"qms help\" để xem danh sách lệnh\n", name)
		return exitUsage
	}
	if wantsHelp(rest) {
		return help(stdout, stderr, []string{name})
	}
	return c.Run(ctx, e, rest)
}

// helpUsage is the help of "qms help" itself.
const helpUsage = `Cách dùng: qms help [lệnh]

Help in danh sách các lệnh; "qms help <lệnh>" in cách dùng và giải thích một lệnh.
"qms <lệnh> -h" cũng in giải thích đó.`

// help prints the list of commands, or one command's help.
func help(stdout, stderr io.Writer, args []string) int {
	var err error
	switch {
	case len(args) == 0:
		err = usage(stdout)
	case len(args) > 1:
		fmt.Fprintf(stderr, "qms help: chỉ nhận một tên lệnh, thừa %q\n", args[1])
		return exitUsage
	case args[0] == "help":
		_, err = fmt.Fprintln(stdout, helpUsage)
	default:
		c := find(args[0])
		if c == nil {
			fmt.Fprintf(stderr, "qms help: không có lệnh %q; chạy \"qms help\" để xem danh sách lệnh\n", args[0])
			return exitUsage
		}
		_, err = fmt.Fprintf(stdout, "Cách dùng: qms %s\n\n%s\n", c.Usage, strings.TrimSpace(c.Long))
	}
	if err != nil {
		fmt.Fprintf(stderr, "qms help: %v\n", err)
		return exitUsage
	}
	return exitOK
}

func find(name string) *command {
	for _, c := range commands() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func usage(w io.Writer) error {
	var b strings.Builder
	b.WriteString("qms: quản lý tài liệu của hệ thống quản lý chất lượng ISO 9001 thành tệp văn bản có lịch sử thay đổi\n")
	b.WriteString("\nCách dùng: qms <lệnh> [tham số]\n\nCác lệnh:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-10s %s\n", c.Name, c.Short)
	}
	fmt.Fprintf(&b, "  %-10s %s\n", "help", "in danh sách lệnh hoặc giải thích một lệnh")
	b.WriteString("\nChạy \"qms help <lệnh>\" để xem chi tiết một lệnh.\n")
	_, err := io.WriteString(w, b.String())
	return err
}
