package input

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// blockedRanges are the networks a fetch must not reach unless
// Options.AllowPrivate: a URL given to dateline (or a redirect, or a DNS
// name re-pointed after a first lookup) must not make it talk to the
// machine itself or its private network. Sources: the IANA IPv4 and IPv6
// Special-Purpose Address Registries (RFC 6890) and the RFCs noted.
var blockedRanges = []struct {
	prefix netip.Prefix
	kind   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified"},           // RFC 1122: "this network"
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},              // RFC 1918
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (CGN)"},      // RFC 6598, used inside clouds
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},            // RFC 1122
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},       // RFC 3927, cloud metadata services
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},           // RFC 1918
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},          // RFC 1918
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},           // RFC 5771
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},            // RFC 1112, with 255.255.255.255
	{netip.MustParsePrefix("::/128"), "unspecified"},              // RFC 4291
	{netip.MustParsePrefix("::1/128"), "loopback"},                // RFC 4291
	{netip.MustParsePrefix("fc00::/7"), "private (unique local)"}, // RFC 4193
	{netip.MustParsePrefix("fe80::/10"), "link-local"},            // RFC 4291
	{netip.MustParsePrefix("ff00::/8"), "multicast"},              // RFC 4291
}

// Prefixes of IPv6 addresses that carry an IPv4 address, which is then
// checked in turn.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96") // RFC 6052: IPv4 in the last 32 bits
	sixToFour = netip.MustParsePrefix("2002::/16")    // RFC 3056: IPv4 in bits 16 to 47
)

// addrError is the refusal to connect to a non-public address.
type addrError struct {
	ip   netip.Addr
	kind string
}

func (e *addrError) Error() string {
	return fmt.Sprintf("refusing to connect to %s (%s address)", e.ip, e.kind)
}

func (e *addrError) Unwrap() error { return ErrPrivateAddress }

// checkAddr returns an *addrError when ip is not a public address.
func checkAddr(ip netip.Addr) error {
	ip = ip.WithZone("")
	probe := ip.Unmap()
	switch {
	case nat64.Contains(probe):
		b := probe.As16()
		probe = netip.AddrFrom4([4]byte(b[12:16]))
	case sixToFour.Contains(probe):
		b := probe.As16()
		probe = netip.AddrFrom4([4]byte(b[2:6]))
	}
	for _, r := range blockedRanges {
		if r.prefix.Contains(probe) {
			return &addrError{ip: ip, kind: r.kind}
		}
	}
	return nil
}

// refusePrivate is a net.Dialer Control function. It runs after DNS
// resolution, on the very address being connected to, so a name that
// resolves to a public address when checked and a private one when used
// (DNS rebinding) is still caught.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("refusing to connect to %q: %w", address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("refusing to connect to %q: %w", address, err)
	}
	return checkAddr(ip)
}

// RefusePrivate is the dialer guard for other packages that reach the
// network (fetch): one list of refused ranges for all of dateline. Use it
// as a net.Dialer Control function; its errors wrap ErrPrivateAddress.
func RefusePrivate(network, address string, c syscall.RawConn) error {
	return refusePrivate(network, address, c)
}
