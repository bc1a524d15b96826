// Package validatortest runs the outside validators the site is held to
// in tests: the Nu Html Checker (vnu.jar, run with Java) over built pages,
// and axe-core injected into pages open in Chromium, failing on any
// violation of WCAG 2.1 A/AA.
//
// Both come from the npm registry at pinned versions and are installed on
// first use into the user's cache directory (or $QMS_VALIDATORS), the way
// the go command fetches modules; .ci/run installs Java and npm where they
// are missing. A missing tool fails the test, never skips it.
package validatortest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/snnptnt-nghean/qms/internal/browsertest"
)

// The pinned versions.
const (
	vnuVersion = "26.9.27"
	axeVersion = "4.14.1"
)

var (
	installOnce sync.Once
	installErr  error
	installDir  string
)

// dir returns the folder the validators are installed in, installing them
// with npm on first use.
func dir(t testing.TB) string {
	t.Helper()
	installOnce.Do(func() {
		installDir = os.Getenv("QMS_VALIDATORS")
		if installDir == "" {
			cache, err := os.UserCacheDir()
			if err != nil {
				installErr = err
				return
			}
			installDir = filepath.Join(cache, "qms-validators", "vnu-"+vnuVersion+"-axe-"+axeVersion)
		}
		if _, err := os.Stat(filepath.Join(installDir, vnuJarPath)); err == nil {
			if _, err := os.Stat(filepath.Join(installDir, axePath)); err == nil {
				return
			}
		}
		if _, err := exec.LookPath("npm"); err != nil {
			installErr = fmt.Errorf("npm is needed to install the validators (apt-get install -y npm): %w", err)
			return
		}
		// --ignore-scripts: vnu-jar's install script would fetch a Java
		// runtime; the system's java runs the jar.
		cmd := exec.Command("npm", "install", "--prefix", installDir, "--no-audit", "--no-fund", "--ignore-scripts", "--no-save",
			"vnu-jar@"+vnuVersion, "axe-core@"+axeVersion)
		if out, err := cmd.CombinedOutput(); err != nil {
			installErr = fmt.Errorf("npm install: %v\n%s", err, out)
		}
	})
	if installErr != nil {
		t.Fatalf("validatortest: %v", installErr)
	}
	return installDir
}

const (
	vnuJarPath = "node_modules/vnu-jar/build/dist/vnu.jar"
	axePath    = "node_modules/axe-core/axe.min.js"
)

// HTMLErrors runs the Nu Html Checker over every .html file under root and
// returns its messages, errors and warnings alike, as "file:line: message".
func HTMLErrors(t testing.TB, root string) []string {
	t.Helper()
	jar := filepath.Join(dir(t), vnuJarPath)
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatalf("validatortest: Java is needed to run the Nu Html Checker (apt-get install -y default-jre-headless): %v", err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(java, "-jar", jar, "--skip-non-html", "--format", "json", "--exit-zero-always", root)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("validatortest: vnu: %v\n%s", err, stderr.String())
	}
	// vnu writes its JSON report to stderr.
	var report struct {
		Messages []struct {
			URL      string `json:"url"`
			Type     string `json:"type"`
			SubType  string `json:"subType"`
			Message  string `json:"message"`
			LastLine int    `json:"lastLine"`
			Extract  string `json:"extract"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("validatortest: reading vnu's report: %v\n%s", err, stderr.String())
	}
	var msgs []string
	for _, m := range report.Messages {
		file := strings.TrimPrefix(m.URL, "file:")
		if rel, err := filepath.Rel(root, file); err == nil {
			file = rel
		}
		kind := m.Type
		if m.SubType != "" {
			kind += "/" + m.SubType
		}
		msgs = append(msgs, fmt.Sprintf("%s:%d: %s: %s [%s]", file, m.LastLine, kind, m.Message, strings.TrimSpace(m.Extract)))
	}
	sort.Strings(msgs)
	return msgs
}

// AxeViolations injects axe-core into the page open in b and returns its
// WCAG 2.0/2.1 A and AA violations, each as "rule: help (targets)".
func AxeViolations(t testing.TB, b *browsertest.Browser) []string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir(t), axePath))
	if err != nil {
		t.Fatalf("validatortest: %v", err)
	}
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](string(src)+";true")); err != nil {
		t.Fatalf("validatortest: injecting axe-core: %v", err)
	}
	const run = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}, resultTypes: ["violations"]})
		.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(" "))}))))`
	out, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("validatortest: running axe-core: %v", err)
	}
	var violations []struct {
		ID    string   `json:"id"`
		Help  string   `json:"help"`
		Nodes []string `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(out), &violations); err != nil {
		t.Fatalf("validatortest: reading axe-core's result: %v", err)
	}
	var msgs []string
	for _, v := range violations {
		msgs = append(msgs, fmt.Sprintf("%s: %s (%s)", v.ID, v.Help, strings.Join(v.Nodes, ", ")))
	}
	return msgs
}
