package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
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

// TestTimeouts: with the server's timeouts (shortened here), a keep-alive
// connection left idle is closed, and the event stream outlives the read
// and write timeouts: it still brings the next build.
func TestTimeouts(t *testing.T) {
	defer func(r, w, i time.Duration) { readTimeout, writeTimeout, idleTimeout = r, w, i }(readTimeout, writeTimeout, idleTimeout)
	readTimeout, writeTimeout, idleTimeout = 200*time.Millisecond, 200*time.Millisecond, 200*time.Millisecond
	h := start(t, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hs := h.srv.HTTPServer(ctx, Hosts("127.0.0.1:0", ln.Addr()))
	go hs.Serve(ln)
	defer hs.Close()

	// An idle connection is closed by the server.
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, "HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
	rd := bufio.NewReader(c)
	resp, err := http.ReadResponse(rd, nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("HEAD /: %v, %v", resp, err)
	}
	if _, err := rd.ReadByte(); err != io.EOF {
		t.Errorf("idle connection: read %v, want EOF (closed by the server)", err)
	}

	// The event stream lives past the timeouts.
	req, err := http.NewRequest("GET", "http://"+ln.Addr().String()+"/"+eventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	sresp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer sresp.Body.Close()
	events := make(chan string, 4)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(sresp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				events <- sc.Text()
			}
		}
	}()
	first := waitEvent(t, events)
	time.Sleep(5 * readTimeout)
	h.edit("processes/qt-01.md", "Nội dung quy trình.", "Nội dung quy trình đã sửa.")
	if second := waitEvent(t, events); second == first {
		t.Errorf("the same event twice: %s", second)
	}
}

func waitEvent(t *testing.T, events <-chan string) string {
	t.Helper()
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatal("event stream closed")
		}
		return e
	case <-time.After(20 * time.Second):
		t.Fatal("no event")
	}
	return ""
}
