package serve

import (
	"context"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
)

// The HTTP server's timeouts (HTTPServer): a request is read within
// readTimeout (its header within readHeaderTimeout), a response written
// within writeTimeout, and a keep-alive connection left idle is closed
// after idleTimeout. The event stream lifts the read and write deadlines
// for itself (events). Variables so that the tests can shorten them.
var (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = time.Minute
	idleTimeout       = 2 * time.Minute
)

// HTTPServer returns the http.Server that serves s: it answers only the
// requests whose Host is one of hosts (see Hosts; another name means a
// page of some other site reaching the server through its own domain
// name, DNS rebinding), and it closes idle and slow connections. ctx ends
// the event streams when it is done.
func (s *Server) HTTPServer(ctx context.Context, hosts []string) *http.Server {
	return &http.Server{
		Handler:           allowHosts(s, hosts),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
}

// Hosts returns the host names a server listening at ln (--addr addr) is
// reached by: localhost and the loopback addresses, addr's host and ln's
// address, and when it listens on every interface, the machine's name and
// its addresses.
func Hosts(addr string, ln net.Addr) []string {
	hosts := []string{"localhost", "127.0.0.1", "::1"}
	if h, _, err := net.SplitHostPort(addr); err == nil && h != "" {
		hosts = append(hosts, h)
	}
	tcp, ok := ln.(*net.TCPAddr)
	if !ok {
		return hosts
	}
	hosts = append(hosts, tcp.IP.String())
	if tcp.IP.IsUnspecified() {
		if name, err := os.Hostname(); err == nil {
			hosts = append(hosts, name)
		}
		addrs, _ := net.InterfaceAddrs()
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok {
				hosts = append(hosts, ipn.IP.String())
			}
		}
	}
	return hosts
}

// allowHosts serves the requests to one of hosts with h and answers the
// others 421 Misdirected Request.
func allowHosts(h http.Handler, hosts []string) http.Handler {
	allowed := map[string]bool{}
	for _, name := range hosts {
		allowed[hostName(name)] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowed[hostName(r.Host)] {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusMisdirectedRequest)
			_, _ = w.Write([]byte("Địa chỉ này không được phục vụ: hãy mở trang bằng địa chỉ mà lệnh qms serve đã in ra.\n"))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// hostName is the host of a Host header or an address, without port,
// brackets or final dot, in lower case.
func hostName(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), ".")
	return strings.ToLower(host)
}
