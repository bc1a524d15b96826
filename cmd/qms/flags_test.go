package main

import (
	"context"
	"strings"
	"testing"
)

// TestFlagErrors: every flag error of build and serve (and the commands
// sharing newFlagSet) is printed in Vietnamese, names the flag, and exits
// 2; none of the flag package's English reaches the user.
func TestFlagErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"build", "--bogus"}, "không có tùy chọn --bogus"},
		{[]string{"build", "-x=1"}, "không có tùy chọn --x"},
		{[]string{"build", "--out"}, "tùy chọn --out cần một giá trị"},
		{[]string{"build", "--force=maybe"}, `giá trị "maybe" không hợp lệ cho --force`},
		{[]string{"build", "---out"}, "tùy chọn viết sai cú pháp: ---out"},
		{[]string{"serve", "--addr"}, "tùy chọn --addr cần một giá trị"},
		{[]string{"serve", "--port", "80"}, "không có tùy chọn --port"},
	}
	english := []string{"flag", "provided", "invalid", "Usage", "default", "string"}
	for _, c := range cases {
		var stdout, stderr syncBuffer
		code := run(context.Background(), c.args, &stdout, &stderr)
		out := stderr.String()
		if code != exitUsage || !strings.Contains(out, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %q", c.args, code, out, c.want)
		}
		for _, w := range english {
			if strings.Contains(out, w) {
				t.Errorf("%q: %q in %q", c.args, w, out)
			}
		}
	}
	// Asking for help is not an error: the help goes to stdout, exit 0.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "-h"}, "Cách dùng: qms build"},
		{[]string{"serve", "--help"}, "--theme"},
	} {
		var stdout, stderr syncBuffer
		code := run(context.Background(), c.args, &stdout, &stderr)
		if out := stdout.String(); code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("%q: exit %d, stdout %q; want %q", c.args, code, out, c.want)
		}
	}
}
