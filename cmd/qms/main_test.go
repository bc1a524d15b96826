package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"qms": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scenarios in testdata/script: each is a
// txtar archive of content files and qms commands with expected output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TZ", "Asia/Ho_Chi_Minh")
			return nil
		},
	})
}

// TestExitCodes checks the exit codes the scripts can only tell from zero:
// usage errors and I/O failures are 2, errors found are 1.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "processes")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "qt-01.md"), []byte("không có phần đầu\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"check", "--nope"}, exitUsage},
		{[]string{"check", "--root", filepath.Join(dir, "does-not-exist")}, exitUsage},
		{[]string{"check", "--root", dir}, exitFail},
		{[]string{"help", "help"}, exitOK},
		{[]string{"new", "decision", "--root", filepath.Join(dir, "does-not-exist"), "--number", "1/QĐ-UBND"}, exitUsage},
		{[]string{"impact", "--root", filepath.Join(dir, "does-not-exist"), "1/QĐ-UBND"}, exitUsage},
		{[]string{"export", "--root", filepath.Join(dir, "does-not-exist")}, exitUsage},
		{[]string{"export", "--root", dir, "--as-of", "2021-01-15"}, exitOK},
	} {
		var out, errb strings.Builder
		if got := run(context.Background(), tc.args, &out, &errb); got != tc.want {
			t.Errorf("qms %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), got, tc.want, errb.String())
		}
	}
	// Output that cannot be written is an I/O failure too.
	if got := run(context.Background(), []string{"check", "-list"}, failWriter{}, io.Discard); got != exitUsage {
		t.Errorf("qms check -list to a failing writer: exit %d, want %d", got, exitUsage)
	}
	if got := run(context.Background(), []string{"check", "--root", dir}, failWriter{}, io.Discard); got != exitUsage {
		t.Errorf("qms check to a failing writer: exit %d, want %d", got, exitUsage)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("ghi thất bại") }
