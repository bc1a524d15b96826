package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestHosts: the server answers requests to the names it is reached by
// and refuses any other Host (a page of another site reaching it through
// DNS rebinding) with 421 and a Vietnamese message.
func TestHosts(t *testing.T) {
	h := start(t, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hs := h.srv.HTTPServer(ctx, Hosts("localhost:0", ln.Addr()))
	go hs.Serve(ln)
	defer hs.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	get := func(host string) (int, string) {
		t.Helper()
		req, err := http.NewRequest("GET", "http://"+ln.Addr().String()+"/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, host := range []string{"127.0.0.1", "localhost", "LOCALHOST.", "[::1]", "127.0.0.1:" + strconv.Itoa(port), "localhost:" + strconv.Itoa(port), "[::1]:" + strconv.Itoa(port)} {
		if code, body := get(host); code != 200 || !strings.Contains(body, "<html") {
			t.Errorf("Host %s: %d", host, code)
		}
	}
	for _, host := range []string{"attacker.example", "attacker.example:" + strconv.Itoa(port), "127.0.0.1.attacker.example", "10.0.0.1"} {
		if code, body := get(host); code != http.StatusMisdirectedRequest || !strings.Contains(body, "Địa chỉ này không được phục vụ") {
			t.Errorf("Host %s: %d %q", host, code, body)
		}
	}
}

// TestHostsEveryInterface: listening on every interface, the machine's
// name and addresses are accepted too.
func TestHostsEveryInterface(t *testing.T) {
	hosts := Hosts("0.0.0.0:8080", &net.TCPAddr{IP: net.IPv4zero, Port: 8080})
	want := []string{"localhost", "127.0.0.1", "::1", "0.0.0.0"}
	if name, err := os.Hostname(); err == nil {
		want = append(want, name)
	}
	for _, w := range want {
		found := false
		for _, h := range hosts {
			found = found || h == w
		}
		if !found {
			t.Errorf("Hosts = %q, without %s", hosts, w)
		}
	}
	// On loopback, the machine's name is not one of them.
	if name, err := os.Hostname(); err == nil && name != "localhost" {
		for _, h := range Hosts("127.0.0.1:8080", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}) {
			if h == name {
				t.Errorf("loopback: Hosts has %s", name)
			}
		}
	}
}
